// Command-line flags of Galley's CLIs (npm run dlq, seed, reviews:*, payments:reconcile, ...), read
// with node's util.parseArgs: unknown flags and missing values are refused, every CLI answers
// --help (and -h) with its usage on stdout, and a usage error carries the usage line.
import { parseArgs, ParseArgsConfig } from 'node:util';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

/** A wrong command line; its message ends with the usage text. CLIs exit 2 on it. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

export interface CliSpec<T extends CliOptions> {
  /** The usage text, printed for --help and appended to every usage error. */
  usage: string;
  options: T;
  /** Whether bare words (a command, a topic) are allowed; refused by default. */
  allowPositionals?: boolean;
}

function parse<T extends CliOptions>(argv: readonly string[], spec: CliSpec<T>) {
  return parseArgs({ args: [...argv], options: { ...spec.options, ...HELP }, allowPositionals: spec.allowPositionals ?? false, strict: true });
}

export type CliArguments<T extends CliOptions> = ReturnType<typeof parse<T>>;

/**
 * Parses `argv` (process.argv.slice(2)) against `spec`. Returns undefined after printing the
 * usage when --help was asked for; throws CliUsageError for anything parseArgs refuses.
 */
export function readCliArguments<T extends CliOptions>(
  argv: readonly string[],
  spec: CliSpec<T>,
  print: (text: string) => void = (text) => console.log(text),
): CliArguments<T> | undefined {
  let parsed: CliArguments<T>;
  try {
    parsed = parse(argv, spec);
  } catch (error) {
    throw new CliUsageError(`${error instanceof Error ? error.message : String(error)}\n${spec.usage}`);
  }
  // The values of a generic T do not resolve here; help is always among the options.
  if ((parsed.values as { help?: boolean }).help) {
    print(spec.usage);
    return undefined;
  }
  return parsed;
}

/** A whole number from `min` to `max` given to `flag`, or a CliUsageError naming the flag. */
export function cliInteger(flag: string, value: string | undefined, range: { min: number; max: number }, usage: string): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isInteger(n) || n < range.min || n > range.max) {
    throw new CliUsageError(`--${flag} needs a whole number from ${range.min} to ${range.max}, got ${value ?? 'nothing'}\n${usage}`);
  }
  return n;
}

/** The exit code and message for an error a CLI's main() threw: 2 for usage errors, else `failure`. */
export function cliFailure(name: string, error: unknown, failure = 1): { code: number; message: string } {
  if (error instanceof CliUsageError) return { code: 2, message: `${name}: ${error.message}` };
  return { code: failure, message: `${name}: ${error instanceof Error ? error.message : String(error)}` };
}
