import { dateIn, everyHour, isCalendarDate } from './dashboard-day';

describe(dateIn.name, () => {
  it.each([
    ['UTC at noon', 'UTC', '2026-03-02T12:00:00Z', '2026-03-02'],
    ['New York late in the evening (still the 1st)', 'America/New_York', '2026-03-02T03:00:00Z', '2026-03-01'],
    ['Tokyo early in the morning (already the 3rd)', 'Asia/Tokyo', '2026-03-02T16:30:00Z', '2026-03-03'],
    ['Kiritimati across the date line', 'Pacific/Kiritimati', '2026-12-31T11:00:00Z', '2027-01-01'],
  ])('%s', (_case, timeZone, now, expected) => {
    expect(dateIn(timeZone, new Date(now))).toBe(expected);
  });
});

describe(isCalendarDate.name, () => {
  it.each([
    ['2026-03-02', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-3-2', false],
    ['20260302', false],
    ['1999-12-31', false],
    ['2026-03-02T00:00', false],
    ['', false],
  ])('%p is %p', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe(everyHour.name, () => {
  it('gives all 24 hours, with 0 where there was no order', () => {
    const sut = everyHour([
      { hour: 12, orders: 3 },
      { hour: 0, orders: 1 },
      { hour: 23, orders: 2 },
    ]);
    expect(sut).toHaveLength(24);
    expect(sut[0]).toEqual({ hour: 0, orders: 1 });
    expect(sut[12]).toEqual({ hour: 12, orders: 3 });
    expect(sut[23]).toEqual({ hour: 23, orders: 2 });
    expect(sut.filter((entry) => entry.orders === 0)).toHaveLength(21);
  });
});
