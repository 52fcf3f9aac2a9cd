import { needsRehash, parsePasswordHash } from './password-hash';

const current = { memoryKib: 19456, iterations: 2, parallelism: 1 };
const tail = 'c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';

describe(needsRehash.name, () => {
  it.each([
    ['the current parameters', `$argon2id$v=19$m=19456,t=2,p=1$${tail}`, false],
    ['fewer iterations', `$argon2id$v=19$m=19456,t=1,p=1$${tail}`, true],
    ['less memory', `$argon2id$v=19$m=8192,t=2,p=1$${tail}`, true],
    ['more lanes', `$argon2id$v=19$m=19456,t=2,p=4$${tail}`, true],
    ['more memory than now (lowered on purpose)', `$argon2id$v=19$m=65536,t=2,p=1$${tail}`, true],
    ['argon2 version 1.0', `$argon2id$v=16$m=19456,t=2,p=1$${tail}`, true],
    ['argon2i', `$argon2i$v=19$m=19456,t=2,p=1$${tail}`, true],
    ['bcrypt', '$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234', true],
    ['garbage', 'plaintext', true],
  ])('for a hash with %s says %s', (_case, hash, expected) => {
    expect(needsRehash(hash, current)).toBe(expected);
  });
});

describe(parsePasswordHash.name, () => {
  it('reads the cost parameters a hash records', () => {
    expect(parsePasswordHash(`$argon2id$v=19$m=47104,t=1,p=2$${tail}`)).toEqual({ version: 19, memoryKib: 47104, iterations: 1, parallelism: 2 });
  });
});
