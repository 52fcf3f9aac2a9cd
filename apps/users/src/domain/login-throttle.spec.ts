import { loginGate } from './login-throttle';

const policy = { limit: 5, windowSeconds: 900 };
const now = new Date('2026-11-25T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe(loginGate.name, () => {
  it.each([
    ['no failures', [], { allowed: true }],
    ['4 recent failures', [ago(1), ago(2), ago(3), ago(4)], { allowed: true }],
    ['5 recent failures, until the oldest leaves the window', [ago(10), ago(20), ago(30), ago(40), ago(100)], { allowed: false, retryAfterSeconds: 800 }],
    ['7 recent failures, until the 5th most recent leaves', [ago(1), ago(2), ago(3), ago(4), ago(50), ago(600), ago(700)], { allowed: false, retryAfterSeconds: 850 }],
    ['5 failures of which one is outside the window', [ago(1), ago(2), ago(3), ago(4), ago(900)], { allowed: true }],
    ['5 failures all older than the window', [ago(901), ago(902), ago(903), ago(904), ago(905)], { allowed: true }],
    ['4 failures and one stamped slightly in the future', [ago(1), ago(2), ago(3), ago(4), ago(-0.5)], { allowed: false, retryAfterSeconds: 896 }],
    ['5 failures whose oldest leaves within the second', [ago(1), ago(2), ago(3), ago(4), ago(899.5)], { allowed: false, retryAfterSeconds: 1 }],
  ])('with %s', (_case, attempts, expected) => {
    expect(loginGate(attempts, now, policy)).toEqual(expected);
  });

  it('lets a limit of 1 lock after a single failure', () => {
    expect(loginGate([ago(5)], now, { limit: 1, windowSeconds: 60 })).toEqual({ allowed: false, retryAfterSeconds: 55 });
  });
});
