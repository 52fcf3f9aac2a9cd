import { describe, expect, it } from 'vitest';
import { dateIn, formatDuration, hourLabel } from './today';

describe('dateIn', () => {
  it('uses the store time zone, not the browser’s', () => {
    const at = new Date('2026-12-02T23:30:00Z');
    expect(dateIn('UTC', at)).toBe('2026-12-02');
    expect(dateIn('Asia/Tokyo', at)).toBe('2026-12-03');
    expect(dateIn('America/Los_Angeles', at)).toBe('2026-12-02');
  });
});

describe('formatDuration', () => {
  it.each([
    [null, '—'],
    [42.4, '42 s'],
    [245, '4 min 05 s'],
    [3720, '1 h 02 min'],
  ])('%s s reads %s', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });
});

describe('hourLabel', () => {
  it('pads the hour', () => expect(hourLabel(9)).toBe('09:00'));
});
