/** What an event consumer does with a handler that failed: try again later, or dead-letter at once. */
export type EventErrorOutcome = 'retry' | 'dead-letter';

/**
 * How one service's error codes leave by each transport. Each member is an exhaustive switch over
 * the codes (its `default` calls `unmappedCode`), so a new code cannot go unmapped.
 */
export interface ErrorTransports<Code extends string> {
  /** The HTTP status a request that failed with `code` is answered with. */
  httpStatus(code: Code): number;
  /**
   * For an event handler that failed with `code`: 'dead-letter' when no retry can change the answer
   * (a business rule, a missing row), 'retry' when a later attempt may succeed (a provider that is down).
   */
  event(code: Code): EventErrorOutcome;
}

/**
 * The base of every service's domain errors: a code the domain owns and a message for people,
 * independent of the transport that reports it. Services throw these, never a transport's class
 * (`HttpException`, `PermanentEventError`); each transport maps the code by `transports`.
 */
export abstract class DomainError<Code extends string = string> extends Error {
  /** The code's mapping to each transport (a getter on the subclass, so it stays out of logs). */
  abstract get transports(): ErrorTransports<Code>;

  protected constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The `default` of an exhaustive switch over codes: unreachable while every code has a case. */
export function unmappedCode(code: never, transport: string): never {
  throw new Error(`error code ${String(code)} has no ${transport} mapping`);
}

/**
 * What an event consumer should do with `error`: the mapping of a DomainError's code, or undefined
 * for any other error (the consumer's own default: retry, then dead-letter after the last attempt).
 */
export function eventOutcomeOf(error: unknown): EventErrorOutcome | undefined {
  return error instanceof DomainError ? error.transports.event(error.code) : undefined;
}
