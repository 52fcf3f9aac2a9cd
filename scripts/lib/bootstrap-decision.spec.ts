import { chromiumDecision, dependenciesDecision } from './bootstrap-decision.cjs';

describe(dependenciesDecision.name, () => {
  it.each([
    ['installs when node_modules is missing or incomplete', { lockMtimeMs: 1_000, markerMtimeMs: undefined }, true],
    ['installs when package-lock.json is newer than the last install', { lockMtimeMs: 2_000, markerMtimeMs: 1_000 }, true],
    ['skips when the last install is newer than package-lock.json', { lockMtimeMs: 1_000, markerMtimeMs: 1_052 }, false],
    ['skips when both have the same time', { lockMtimeMs: 1_000, markerMtimeMs: 1_000 }, false],
    ['skips when there is no lock file to compare with', { lockMtimeMs: undefined, markerMtimeMs: 1_000 }, false],
  ])('%s', (_case, files, install) => {
    expect(dependenciesDecision(files).install).toBe(install);
  });

  it('says why it installs', () => {
    expect(dependenciesDecision({ lockMtimeMs: 2, markerMtimeMs: 1 }).reason).toMatch(/package-lock\.json is newer/);
  });
});

describe(chromiumDecision.name, () => {
  it.each([
    [{ present: true, root: false, apt: false }, 'present'],
    [{ present: true, root: true, apt: true }, 'present'],
    [{ present: false, root: true, apt: true }, 'install'],
    [{ present: false, root: false, apt: true }, 'advise'],
    [{ present: false, root: true, apt: false }, 'advise'],
  ])('decides %o: %s', (facts, expected) => {
    expect(chromiumDecision(facts)).toBe(expected);
  });
});
