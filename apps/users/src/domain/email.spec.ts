import { normaliseEmail } from './email';

describe(normaliseEmail.name, () => {
  it.each([
    ['alice@example.com', 'alice@example.com'],
    ['Alice@Example.COM', 'alice@example.com'],
    ['  bob@example.com\t', 'bob@example.com'],
    ['\n CAROL+Orders@Shop.Example \n', 'carol+orders@shop.example'],
    ['ÉLISE@exemple.fr', 'élise@exemple.fr'],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });
});
