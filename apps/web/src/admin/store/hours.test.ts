import { describe, expect, it } from 'vitest';
import { describeDay, parseCapacity, validateHours, WEEKDAYS, type Hours } from './hours';

function week(partial: Partial<Hours>): Hours {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, partial[d] ?? []])) as Hours;
}

describe('validateHours', () => {
  it('accepts split shifts, midnight close and an overnight opening', () => {
    expect(
      validateHours(week({ monday: [{ open: '11:30', close: '14:00' }, { open: '18:00', close: '24:00' }], friday: [{ open: '18:00', close: '02:00' }] })),
    ).toEqual({});
  });
  it('says which time is malformed', () => {
    expect(validateHours(week({ tuesday: [{ open: '9:00', close: '25:00' }] }))).toEqual({
      'tuesday.0.open': 'Use the 24-hour form HH:MM, e.g. 11:30.',
      'tuesday.0.close': 'Use HH:MM, e.g. 22:00 (24:00 for midnight).',
    });
  });
  it('finds overlapping hours on one day', () => {
    const errors = validateHours(week({ sunday: [{ open: '12:00', close: '15:00' }, { open: '14:00', close: '20:00' }] }));
    expect(errors['sunday.1.open']).toBe('Overlaps the hours from 12:00 to 15:00.');
  });
  it('allows only one opening past midnight per day', () => {
    expect(validateHours(week({ saturday: [{ open: '20:00', close: '01:00' }, { open: '22:00', close: '03:00' }] }))['saturday.overnight']).toBeDefined();
  });
});

describe('describeDay', () => {
  it('reads closed, all day and overnight', () => {
    expect(describeDay([])).toBe('Closed');
    expect(describeDay([{ open: '00:00', close: '24:00' }])).toBe('Open all day');
    expect(describeDay([{ open: '18:00', close: '02:00' }])).toBe('18:00–02:00 (next day)');
  });
});

describe('parseCapacity', () => {
  it('reads blank as no limit and rejects nonsense', () => {
    expect(parseCapacity(' ')).toEqual({ value: null });
    expect(parseCapacity('12')).toEqual({ value: 12 });
    expect(parseCapacity('0')).toHaveProperty('error');
    expect(parseCapacity('2.5')).toHaveProperty('error');
  });
});
