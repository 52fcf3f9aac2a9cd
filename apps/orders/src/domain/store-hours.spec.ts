import { ALWAYS_OPEN, decideOrdering, isOpenAt, nextChange, nextOpening, StoreSettings, storeSettingsProblems, WEEKDAYS } from './store-hours';

function hours(perDay: Partial<StoreSettings['openingHours']>, timeZone = 'Europe/Berlin', kitchenCapacity: number | null = null): StoreSettings {
  const openingHours = Object.fromEntries(WEEKDAYS.map((day) => [day, perDay[day] ?? []])) as StoreSettings['openingHours'];
  return { timeZone, openingHours, kitchenCapacity };
}

// Lunch and dinner on weekdays, a late Friday that runs past midnight, closed on Sunday (Berlin time).
const bistro = hours({
  monday: [
    { open: '11:30', close: '14:30' },
    { open: '18:00', close: '22:00' },
  ],
  tuesday: [{ open: '11:30', close: '22:00' }],
  wednesday: [{ open: '11:30', close: '22:00' }],
  thursday: [{ open: '11:30', close: '22:00' }],
  friday: [{ open: '18:00', close: '02:00' }],
  saturday: [{ open: '12:00', close: '23:00' }],
});

describe(isOpenAt.name, () => {
  it.each([
    // 2026-11-23 is a Monday; Berlin is UTC+1 in November.
    ['Monday 12:00 Berlin (lunch)', '2026-11-23T11:00:00Z', true],
    ['Monday 15:00 Berlin (between services)', '2026-11-23T14:00:00Z', false],
    ['Monday 14:30 Berlin (closing minute)', '2026-11-23T13:30:00Z', false],
    ['Monday 18:00 Berlin (dinner opens)', '2026-11-23T17:00:00Z', true],
    ['Saturday 01:30 Berlin (Friday late night)', '2026-11-28T00:30:00Z', true],
    ['Saturday 02:00 Berlin (late night over)', '2026-11-28T01:00:00Z', false],
    ['Sunday 13:00 Berlin', '2026-11-29T12:00:00Z', false],
    ['Tuesday 11:29 Berlin', '2026-11-24T10:29:00Z', false],
    ['Summer time: Tuesday 11:30 Berlin is 09:30 UTC', '2026-07-14T09:30:00Z', true],
  ])('%s → %s', (_case, at, open) => {
    expect(isOpenAt(bistro, new Date(at))).toBe(open);
  });

  it('is always open with the development default', () => {
    for (let hour = 0; hour < 24 * 7; hour += 5) expect(isOpenAt(ALWAYS_OPEN, new Date(Date.UTC(2026, 10, 23, hour)))).toBe(true);
  });
});

describe(nextOpening.name, () => {
  it.each([
    ['between lunch and dinner on Monday', '2026-11-23T14:00:00Z', '2026-11-23T17:00:00.000Z'],
    ['Sunday, the next is Monday lunch', '2026-11-29T12:00:00Z', '2026-11-30T10:30:00.000Z'],
    ['Saturday after the late night', '2026-11-28T02:00:00Z', '2026-11-28T11:00:00.000Z'],
  ])('%s', (_case, now, expected) => {
    expect(nextOpening(bistro, new Date(now))?.toISOString()).toBe(expected);
  });

  it('is null when the store never opens', () => {
    expect(nextOpening(hours({}), new Date('2026-11-23T12:00:00Z'))).toBeNull();
  });
});

describe(nextChange.name, () => {
  // Back to back: Friday 18:00 to 24:00 and Saturday 00:00 to 03:00 are one opening.
  const joined = hours({ friday: [{ open: '18:00', close: '24:00' }], saturday: [{ open: '00:00', close: '03:00' }] });
  it.each([
    ['open at Monday lunch: closes 14:30', bistro, '2026-11-23T11:00:00Z', '2026-11-23T13:30:00.000Z'],
    ['between services: opens 18:00', bistro, '2026-11-23T14:00:00Z', '2026-11-23T17:00:00.000Z'],
    ['Friday late night: closes Saturday 02:00', bistro, '2026-11-27T22:00:00Z', '2026-11-28T01:00:00.000Z'],
    ['Saturday 01:30, still Friday night: closes 02:00', bistro, '2026-11-28T00:30:00Z', '2026-11-28T01:00:00.000Z'],
    ['Sunday, closed: opens Monday 11:30', bistro, '2026-11-29T12:00:00Z', '2026-11-30T10:30:00.000Z'],
    ['at the closing minute itself: the next opening', bistro, '2026-11-23T13:30:00Z', '2026-11-23T17:00:00.000Z'],
    ['back-to-back days: closes Saturday 03:00, not at midnight', joined, '2026-11-27T20:00:00Z', '2026-11-28T02:00:00.000Z'],
    ['summer time: Tuesday open, closes 22:00 Berlin = 20:00 UTC', bistro, '2026-07-14T10:00:00Z', '2026-07-14T20:00:00.000Z'],
    ['open around the clock: never changes', ALWAYS_OPEN, '2026-11-23T12:00:00Z', null],
    ['no opening hours: never changes', hours({}), '2026-11-23T12:00:00Z', null],
  ])('%s', (_case, settings, now, expected) => {
    expect(nextChange(settings, new Date(now))?.toISOString() ?? null).toBe(expected);
  });
});

describe(decideOrdering.name, () => {
  it.each([
    ['paused until later: refused until the pause ends', '2026-11-23T12:30:00Z', false],
    ['pause over: accepted', '2026-11-23T11:00:00Z', true],
  ])('%s', (_case, pausedUntil, accepted) => {
    const sut = decideOrdering(ALWAYS_OPEN, new Date('2026-11-23T12:00:00Z'), 0, new Date(pausedUntil));
    expect(sut.accepted).toBe(accepted);
    if (!sut.accepted) {
      expect(sut.retryAt).toEqual(new Date(pausedUntil));
      expect(sut.reason).toContain('busy');
      expect(sut.reason).toContain('2026-11-23 12:30 (UTC)');
    }
  });

  it('says closed rather than paused outside opening hours', () => {
    const sut = decideOrdering(bistro, new Date('2026-11-29T12:00:00Z'), 0, new Date('2026-11-29T13:00:00Z'));
    expect(sut.accepted === false && sut.reason).toContain('closed');
  });

  it('refuses outside hours, saying when orders are taken again', () => {
    const sut = decideOrdering(bistro, new Date('2026-11-29T12:00:00Z'), 0);
    expect(sut).toMatchObject({ accepted: false, retryAt: new Date('2026-11-30T10:30:00Z') });
    expect(sut.accepted === false && sut.reason).toContain('monday 2026-11-30 11:30 (Europe/Berlin)');
  });

  it('refuses at capacity and accepts below it', () => {
    const limited = { ...ALWAYS_OPEN, kitchenCapacity: 3 };
    expect(decideOrdering(limited, new Date(), 2)).toEqual({ accepted: true });
    const sut = decideOrdering(limited, new Date(), 3);
    expect(sut.accepted === false && sut.reason).toContain('capacity (3 active orders)');
  });

  it('accepts any time with the development default', () => {
    expect(decideOrdering(ALWAYS_OPEN, new Date('2026-11-29T03:00:00Z'), 10_000)).toEqual({ accepted: true });
  });
});

describe(storeSettingsProblems.name, () => {
  it('names a bad time zone and bad times', () => {
    const sut = storeSettingsProblems({ ...hours({ monday: [{ open: '25:00', close: '12:60' }] }), timeZone: 'Mars/Olympus' });
    expect(sut).toEqual([expect.stringContaining('timeZone'), expect.stringContaining('openingHours.monday[0].open'), expect.stringContaining('openingHours.monday[0].close')]);
  });

  it('accepts the bistro and the default', () => {
    expect(storeSettingsProblems(bistro)).toEqual([]);
    expect(storeSettingsProblems(ALWAYS_OPEN)).toEqual([]);
  });
});
