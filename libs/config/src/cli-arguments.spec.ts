import { cliFailure, cliInteger, CliUsageError, readCliArguments } from './cli-arguments';

const USAGE = 'usage: npm run thing -- <topic> [--id <id>] [--test]';
const spec = { usage: USAGE, options: { id: { type: 'string' }, test: { type: 'boolean' } }, allowPositionals: true } as const;

describe(readCliArguments.name, () => {
  it('reads flags and bare words', () => {
    const sut = readCliArguments(['orders.events', '--id', 'e1', '--test'], spec);
    expect(sut?.positionals).toEqual(['orders.events']);
    expect(sut?.values).toEqual({ id: 'e1', test: true });
  });

  it.each([[['--help']], [['-h']], [['list', '--help']]])('prints the usage for %j and returns nothing', (argv) => {
    const printed: string[] = [];
    expect(readCliArguments(argv, spec, (text) => printed.push(text))).toBeUndefined();
    expect(printed).toEqual([USAGE]);
  });

  it.each<[string[], RegExp]>([
    [['--dry-run'], /Unknown option '--dry-run'/],
    [['--id'], /argument missing/],
  ])('refuses %j with the usage line', (argv, message) => {
    expect(() => readCliArguments(argv, spec)).toThrow(CliUsageError);
    expect(() => readCliArguments(argv, spec)).toThrow(message);
    expect(() => readCliArguments(argv, spec)).toThrow(USAGE);
  });

  it('refuses bare words unless the spec allows them', () => {
    expect(() => readCliArguments(['extra'], { usage: USAGE, options: {} })).toThrow(/Unexpected argument 'extra'/);
  });
});

describe(cliInteger.name, () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['5000000', 5_000_000],
  ])('reads %s', (value, expected) => {
    expect(cliInteger('products', value, { min: 0, max: 5_000_000 }, USAGE)).toBe(expected);
  });

  it.each([[undefined], [''], ['-1'], ['1.5'], ['ten'], ['5000001']])('refuses %j naming the flag', (value) => {
    expect(() => cliInteger('products', value, { min: 0, max: 5_000_000 }, USAGE)).toThrow(/--products needs a whole number from 0 to 5000000/);
  });
});

describe(cliFailure.name, () => {
  it('exits 2 for a usage error and the given code otherwise', () => {
    expect(cliFailure('dlq', new CliUsageError('bad'))).toEqual({ code: 2, message: 'dlq: bad' });
    expect(cliFailure('dlq', new Error('broker down'))).toEqual({ code: 1, message: 'dlq: broker down' });
    expect(cliFailure('reconcile', new Error('no db'), 2).code).toBe(2);
  });
});
