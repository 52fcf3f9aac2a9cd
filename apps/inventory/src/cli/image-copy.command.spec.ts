import { parseImageCopyArguments } from './image-copy.command';

describe(parseImageCopyArguments.name, () => {
  it.each<[string[], { from: string; to: string }]>([
    [['--from', 'disk', '--to', 'postgres'], { from: 'disk', to: 'postgres' }],
    [['--to', 's3', '--from', 'postgres'], { from: 'postgres', to: 's3' }],
  ])('reads %j', (argv, expected) => {
    expect(parseImageCopyArguments(argv)).toEqual(expected);
  });

  it.each<[string[], RegExp]>([
    [[], /--from and --to must each name a storage/],
    [['--from', 'disk'], /--from and --to must each name a storage/],
    [['--from', 'disk', '--to', 'gcs'], /--from and --to must each name a storage/],
    [['--from', 'disk', '--to', 'disk'], /both disk: nothing to copy/],
    [['--from', 'disk', '--to', 'postgres', '--dry-run'], /Unknown option '--dry-run'/],
    [['--from'], /argument missing/],
    [['--from', 'disk', '--to', 'postgres', 'extra'], /Unexpected argument 'extra'/],
  ])('refuses %j with the usage line', (argv, message) => {
    expect(() => parseImageCopyArguments(argv)).toThrow(message);
    expect(() => parseImageCopyArguments(argv)).toThrow(/usage: npm run images:copy -- --from <postgres\|s3\|disk> --to <postgres\|s3\|disk>/);
  });

  it('prints its usage for --help and copies nothing', () => {
    const printed: string[] = [];
    expect(parseImageCopyArguments(['--help'], (text) => printed.push(text))).toBeUndefined();
    expect(printed.join('\n')).toMatch(/^usage: npm run images:copy -- --from/);
  });
});
