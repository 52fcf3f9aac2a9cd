import { signedInTheFuture } from './webhook-timestamp';

describe(signedInTheFuture.name, () => {
  const now = new Date('2026-12-02T08:00:00Z');
  const t = Math.floor(now.getTime() / 1000);

  it.each([
    ['now', `t=${t},v1=abc`, false],
    ['within the tolerance ahead', `t=${t + 300},v1=abc`, false],
    ['one second beyond the tolerance', `t=${t + 301},v1=abc`, true],
    ['a day ahead, timestamp last', `v1=abc,t=${t + 86_400}`, true],
    ['in the past (constructEvent judges those)', `t=${t - 10_000},v1=abc`, false],
    ['no timestamp', 'v1=abc', false],
  ])('says %s is %s', (_case, header, expected) => {
    expect(signedInTheFuture(header, now)).toBe(expected);
  });
});
