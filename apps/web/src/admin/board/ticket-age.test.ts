import { describe, expect, it } from 'vitest';
import { ageLevel, DEFAULT_THRESHOLDS, formatAge, loadThresholds, saveThresholds, THRESHOLDS_KEY, validateThresholds } from './ticket-age';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('ageLevel', () => {
  const t = { amberMinutes: 10, redMinutes: 20 };
  it.each([
    [0, 'fresh'],
    [9 * 60_000 + 59_999, 'fresh'],
    [10 * 60_000, 'amber'],
    [19 * 60_000, 'amber'],
    [20 * 60_000, 'red'],
  ] as const)('%i ms is %s', (ms, level) => {
    expect(ageLevel(ms, t)).toBe(level);
  });
});

describe('formatAge', () => {
  it.each([
    [-5, '0 s'],
    [45_000, '45 s'],
    [7 * 60_000 + 30_000, '7 min'],
    [65 * 60_000, '1 h 05 min'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});

describe('validateThresholds', () => {
  it('accepts amber before red', () => {
    expect(validateThresholds({ amberMinutes: '5', redMinutes: '12' })).toEqual({});
  });
  it('says red must come after amber', () => {
    expect(validateThresholds({ amberMinutes: '12', redMinutes: '12' })).toEqual({ redMinutes: 'Red must come after amber.' });
  });
  it('rejects blanks, fractions and zero', () => {
    expect(validateThresholds({ amberMinutes: '', redMinutes: '2.5' })).toEqual({
      amberMinutes: 'Enter whole minutes from 1 to 600.',
      redMinutes: 'Enter whole minutes from 1 to 600.',
    });
    expect(validateThresholds({ amberMinutes: '0', redMinutes: '3' }).amberMinutes).toBeDefined();
  });
});

describe('loadThresholds', () => {
  it('reads what was saved', () => {
    const storage = memoryStorage();
    saveThresholds({ amberMinutes: 4, redMinutes: 9 }, storage);
    expect(loadThresholds(storage)).toEqual({ amberMinutes: 4, redMinutes: 9 });
  });
  it('falls back to the defaults on garbage or an impossible pair', () => {
    expect(loadThresholds(memoryStorage({ [THRESHOLDS_KEY]: '{oops' }))).toEqual(DEFAULT_THRESHOLDS);
    expect(loadThresholds(memoryStorage({ [THRESHOLDS_KEY]: '{"amberMinutes":9,"redMinutes":3}' }))).toEqual(DEFAULT_THRESHOLDS);
  });
});
