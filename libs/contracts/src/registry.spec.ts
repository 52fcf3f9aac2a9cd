import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { contractKey } from './contract';
import { contractFilePath } from './docs/contract-path';
import { ALL_CONTRACTS, findContract } from './registry';
import { TOPICS } from './topics';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const cases = ALL_CONTRACTS.map((contract) => [contractKey(contract.type, contract.version), contract] as const);

describe('ALL_CONTRACTS', () => {
  it.each(cases)('publishes %s on its producer topic', (_key, sut) => {
    expect(sut.topic).toBe(TOPICS[sut.producer]);
  });

  it.each(cases)('does not let the producer of %s consume it', (_key, sut) => {
    expect(sut.consumers).not.toContain(sut.producer);
  });

  it.each(cases)('lists each consumer of %s once', (_key, sut) => {
    expect(new Set(sut.consumers).size).toBe(sut.consumers.length);
  });

  it.each(cases)('keeps %s in the file its type names', (_key, sut) => {
    expect(existsSync(path.join(REPO_ROOT, contractFilePath(sut)))).toBe(true);
  });

  it('holds each type and version once', () => {
    const sut = ALL_CONTRACTS.map((contract) => contractKey(contract.type, contract.version));

    expect(new Set(sut).size).toBe(sut.length);
  });

  it('holds a contract for every event file on disk', () => {
    const sut = new Set(ALL_CONTRACTS.map((contract) => path.join(REPO_ROOT, contractFilePath(contract))));
    const onDisk = listEventFiles(path.join(REPO_ROOT, 'libs/contracts/src/events'));

    expect(onDisk.filter((file) => !sut.has(file))).toEqual([]);
  });
});

describe(findContract.name, () => {
  it.each(cases)('finds %s by type and version', (_key, contract) => {
    const sut = findContract(contract.type, contract.version);

    expect(sut).toBe(contract);
  });

  it('returns undefined for an unknown version', () => {
    const sut = findContract('order.placed', 99);

    expect(sut).toBeUndefined();
  });
});

function listEventFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listEventFiles(full);
    return /\.v\d+\.ts$/.test(entry.name) ? [full] : [];
  });
}
