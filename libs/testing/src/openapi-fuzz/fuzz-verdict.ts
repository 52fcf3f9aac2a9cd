import { FuzzRequest } from './fuzz-requests';

/** What the route's access policy says about a request: the decision for its caller, or that no route exists. */
export type ExpectedAccess = 'allow' | 'unauthenticated' | 'forbidden' | 'no route';

/** An answer as the fuzzer saw it (an open event stream's body is not read). */
export interface FuzzAnswer {
  status: number;
  headers: Headers;
  text: string;
  millis: number;
  /** Set when no answer came (connection error, timeout). */
  error?: string;
}

/** A JavaScript or Java-like stack frame, raw or inside a JSON string (`\n    at f (/app/x.js:1:2)`). */
const STACK_TRACE = /(?:^|\\n|\n)\s*at \S.*[(:]\d+|node_modules[\\/]|[\w-]+\.[jt]s:\d+:\d+/m;
/** Text only a database driver or its errors write. */
const SQL_TEXT =
  /syntax error at or near|violates (?:unique|foreign key|check|not-null|exclusion) constraint|duplicate key value|relation "[^"]+" does not exist|column "[^"]+" (?:does not exist|of relation)|invalid input syntax for (?:type )?\w+|out of range for type|value too long for type|QueryFailedError|\bSELECT\b[\s\S]{1,300}?\bFROM\s+"?\w+"?\."?\w+|\b(?:INSERT INTO|UPDATE|DELETE FROM)\s+"?\w+"?\."?\w+|SQLSTATE|\bpg_\w+\(/i;

/** Sends one fuzz request to `baseUrl` and reads the answer (an open event stream: only its status). */
export async function sendFuzzRequest(baseUrl: string, request: FuzzRequest, timeoutMs = 20_000): Promise<FuzzAnswer> {
  const started = Date.now();
  try {
    const res = await fetch(`${baseUrl}${request.url}`, {
      method: request.method,
      headers: request.headers,
      body: request.body as string | Uint8Array<ArrayBuffer> | undefined,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    const streaming = res.headers.get('content-type')?.startsWith('text/event-stream');
    const text = streaming ? '' : await res.text();
    if (streaming) await res.body?.cancel();
    return { status: res.status, headers: res.headers, text, millis: Date.now() - started };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: 0, headers: new Headers(), text: '', millis: Date.now() - started, error: `${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}` };
  }
}

/**
 * What is wrong with an answer: no answer at all, a 5xx, a stack trace or SQL in the body, or a
 * status the route's access policy rules out for this caller (401 with a Bearer challenge when a
 * token is needed, 403 when the role is too low, 404 where no route exists, and never those
 * refusals of the gateway to a caller the policy lets in).
 */
export function fuzzAnswerProblems(request: FuzzRequest, answer: FuzzAnswer, expected: ExpectedAccess): string[] {
  const problems: string[] = [];
  if (answer.error) {
    // A request line or body over the limits may be cut off by the server: that is a refusal, not a fault.
    const oversized = request.url.length > 8000 || (request.body?.length ?? 0) > 1024 * 1024;
    if (!oversized) problems.push(`no answer: ${answer.error}`);
    return problems;
  }
  if (answer.status >= 500) problems.push(`answered ${answer.status}`);
  if (STACK_TRACE.test(answer.text)) problems.push('the body shows a stack trace');
  if (SQL_TEXT.test(answer.text)) problems.push('the body shows SQL or a database error');
  const challenged = answer.status === 401 && /^Bearer/i.test(answer.headers.get('www-authenticate') ?? '');
  // The per-address limits come before any policy.
  if (answer.status === 429 || answer.status === 413 || answer.status === 431 || answer.status === 414) return problems;
  switch (expected) {
    case 'no route':
      if (answer.status !== 404) problems.push(`no route exists, yet it answered ${answer.status} (expected 404)`);
      break;
    case 'unauthenticated':
      if (!challenged) problems.push(`the policy needs a token this caller lacks, yet it answered ${answer.status} (expected 401 with a Bearer challenge)`);
      break;
    case 'forbidden':
      if (answer.status !== 403) problems.push(`the policy refuses this role, yet it answered ${answer.status} (expected 403)`);
      break;
    case 'allow':
      if (challenged) problems.push('the policy lets this caller in, yet it was refused with a Bearer challenge (401)');
      break;
  }
  return problems;
}

/** The answer as a line of a report. */
export function describeAnswer(answer: FuzzAnswer): string {
  if (answer.error) return `no answer after ${answer.millis} ms: ${answer.error}`;
  const text = answer.text.length > 400 ? `${answer.text.slice(0, 400)}… (${answer.text.length} chars)` : answer.text;
  return `${answer.status} in ${answer.millis} ms ${text}`;
}
