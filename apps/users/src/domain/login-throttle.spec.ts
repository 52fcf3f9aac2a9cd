import { LoginHistory, loginGate, LoginThrottlePolicy, slowdownSeconds } from './login-throttle';

const policy: LoginThrottlePolicy = { clientFreeFailures: 5, emailFreeFailures: 20, baseDelaySeconds: 1, maxDelaySeconds: 900, windowSeconds: 900 };
const now = new Date('2026-11-25T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
/** `count` failures, the latest `latest` seconds ago, one second apart. */
const failures = (count: number, latest = 0) => Array.from({ length: count }, (_, i) => ago(latest + i));
const history = (client: Date[], others: Date[] = [], knownDevice = false): LoginHistory => ({ clientFailures: client, emailFailures: [...client, ...others], knownDevice });

describe(loginGate.name, () => {
  it.each<[string, LoginHistory, ReturnType<typeof loginGate>]>([
    ['no failures', history([]), { allowed: true }],
    ['4 failures of this client', history(failures(4)), { allowed: true }],
    ['5 failures of this client, the latest just now: 1 s', history(failures(5)), { allowed: false, retryAfterSeconds: 1 }],
    ['5 failures, the latest 2 s ago: the 1 s has passed', history(failures(5, 2)), { allowed: true }],
    ['6 failures, the latest just now: 2 s', history(failures(6)), { allowed: false, retryAfterSeconds: 2 }],
    ['10 failures, the latest just now: 32 s', history(failures(10)), { allowed: false, retryAfterSeconds: 32 }],
    ['10 failures, the latest 30 s ago: 2 s left', history(failures(10, 30)), { allowed: false, retryAfterSeconds: 2 }],
    ['20 failures: capped at 900 s', history(failures(20)), { allowed: false, retryAfterSeconds: 900 }],
    ['5 failures of which one left the window', history([...failures(4), ago(900)]), { allowed: true }],
    ['one failure stamped slightly in the future counts', history([...failures(4, 1), ago(-0.5)]), { allowed: false, retryAfterSeconds: 2 }],
    ['4 failures here and 30 from other clients, unknown device: email slowdown', history(failures(4, 10), failures(30)), { allowed: false, retryAfterSeconds: 900 }],
    ['4 failures here and 15 from other clients: under the email threshold', history(failures(4, 10), failures(15)), { allowed: true }],
    ['no failures here and 30 from other clients, known device', history([], failures(30), true), { allowed: true }],
    ['5 failures here, known device: its own failures still slow it', history(failures(5), failures(30), true), { allowed: false, retryAfterSeconds: 1 }],
    ['21 email failures, the latest 3 s ago, unknown device: 2 s owed, 0 left', history([], failures(21, 3)), { allowed: true }],
  ])('with %s', (_case, input, expected) => {
    expect(loginGate(input, now, policy)).toEqual(expected);
  });

  it('never refuses for longer than the cap, however many failures', () => {
    const gate = loginGate(history(failures(10_000)), now, { ...policy, windowSeconds: 86_400 });
    expect(gate).toEqual({ allowed: false, retryAfterSeconds: 900 });
  });
});

describe(slowdownSeconds.name, () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [7, 4],
    [14, 512],
    [15, 900],
    [1000, 900],
  ])('owes %i failures %i s', (count, expected) => {
    expect(slowdownSeconds(count, 5, policy)).toBe(expected);
  });
});
