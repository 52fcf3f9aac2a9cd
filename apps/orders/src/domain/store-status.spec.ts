import { ALWAYS_OPEN, StoreSettings, WEEKDAYS } from './store-hours';
import { activePause, pauseEnd, storeStatus } from './store-status';

const weekdaysNineToFive: StoreSettings = {
  timeZone: 'UTC',
  openingHours: Object.fromEntries(WEEKDAYS.map((day, index) => [day, index < 5 ? [{ open: '09:00', close: '17:00' }] : []])) as StoreSettings['openingHours'],
  kitchenCapacity: null,
};
const monday = (time: string) => new Date(`2026-11-23T${time}:00Z`);

describe(storeStatus.name, () => {
  it.each([
    ['open, not paused', weekdaysNineToFive, null, '10:00', { openNow: true, acceptingOrders: true, pausedUntil: null, nextChangeAt: '2026-11-23T17:00:00.000Z' }],
    [
      'open, paused',
      weekdaysNineToFive,
      '10:30',
      '10:00',
      { openNow: true, acceptingOrders: false, pausedUntil: '2026-11-23T10:30:00.000Z', nextChangeAt: '2026-11-23T17:00:00.000Z' },
    ],
    ['open, pause over', weekdaysNineToFive, '09:30', '10:00', { openNow: true, acceptingOrders: true, pausedUntil: null, nextChangeAt: '2026-11-23T17:00:00.000Z' }],
    ['closed, not paused', weekdaysNineToFive, null, '18:00', { openNow: false, acceptingOrders: false, pausedUntil: null, nextChangeAt: '2026-11-24T09:00:00.000Z' }],
    ['always open', ALWAYS_OPEN, null, '03:00', { openNow: true, acceptingOrders: true, pausedUntil: null, nextChangeAt: null }],
    ['always open, paused', ALWAYS_OPEN, '03:15', '03:00', { openNow: true, acceptingOrders: false, pausedUntil: '2026-11-23T03:15:00.000Z', nextChangeAt: null }],
  ])('%s', (_case, settings, pausedUntil, now, expected) => {
    const sut = storeStatus(settings, pausedUntil ? monday(pausedUntil) : null, monday(now));
    expect({ ...sut, pausedUntil: sut.pausedUntil?.toISOString() ?? null, nextChangeAt: sut.nextChangeAt?.toISOString() ?? null }).toEqual(expected);
  });
});

describe(activePause.name, () => {
  it.each([
    ['no pause', null, null],
    ['a pause still running', '12:01', '2026-11-23T12:01:00.000Z'],
    ['a pause ending right now', '12:00', null],
    ['a pause that ended', '11:00', null],
  ])('%s', (_case, until, expected) => {
    expect(activePause(until ? monday(until) : null, monday('12:00'))?.toISOString() ?? null).toBe(expected);
  });
});

describe(pauseEnd.name, () => {
  it('is the given minutes after now', () => {
    expect(pauseEnd(monday('12:00'), 45).toISOString()).toBe('2026-11-23T12:45:00.000Z');
  });
});
