/** argon2id cost parameters, as recorded in every PHC-format hash (`$argon2id$v=19$m=…,t=…,p=…$…`). */
export interface PasswordHashParameters {
  memoryKib: number;
  iterations: number;
  parallelism: number;
}

const ARGON2_VERSION = 19;
const PHC = /^\$argon2id\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/** The parameters a stored argon2id hash was made with, or undefined for any other format. */
export function parsePasswordHash(hash: string): (PasswordHashParameters & { version: number }) | undefined {
  const match = PHC.exec(hash);
  if (!match) return undefined;
  const [, version, memoryKib, iterations, parallelism] = match.map(Number);
  return { version, memoryKib, iterations, parallelism };
}

/**
 * True when a hash that just verified should be replaced by one made with the current parameters:
 * another algorithm or version, or any cost parameter that differs (raised or lowered on purpose).
 */
export function needsRehash(hash: string, current: PasswordHashParameters): boolean {
  const used = parsePasswordHash(hash);
  if (!used) return true;
  return used.version !== ARGON2_VERSION || used.memoryKib !== current.memoryKib || used.iterations !== current.iterations || used.parallelism !== current.parallelism;
}
