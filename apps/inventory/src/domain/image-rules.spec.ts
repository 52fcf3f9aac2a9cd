import { imageDimensionProblems, imageKeyOf, IMAGE_KEY_PATTERN, sniffImageFormat } from './image-rules';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));

describe(sniffImageFormat.name, () => {
  it.each<[string, Uint8Array, string | undefined]>([
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'jpeg'],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'png'],
    ['a WebP', ascii('RIFF\x10\x00\x00\x00WEBPVP8 '), 'webp'],
    ['a RIFF that is not WebP (WAV)', ascii('RIFF\x10\x00\x00\x00WAVEfmt '), undefined],
    ['a text file named .png', ascii('just some text, honestly'), undefined],
    ['a GIF', ascii('GIF89a'), undefined],
    ['a PNG signature cut short', bytes(0x89, 0x50, 0x4e, 0x47), undefined],
    ['nothing', bytes(), undefined],
  ])('reads %s as %s', (_case, content, format) => {
    expect(sniffImageFormat(content)).toBe(format);
  });
});

describe(imageDimensionProblems.name, () => {
  it.each<[number | undefined, number | undefined, RegExp | null]>([
    [1280, 960, null],
    [16, 16, null],
    [8000, 4000, null],
    [15, 400, /at least 16×16/],
    [8001, 100, /at most 8000 pixels on each side/],
    [6000, 6000, /at most 32000000 pixels/],
    [undefined, 100, /no readable width/],
  ])('for %s×%s', (width, height, problem) => {
    const problems = imageDimensionProblems(width, height);
    if (problem === null) expect(problems).toEqual([]);
    else {
      expect(problems.join('; ')).toMatch(problem);
      expect(problems.every((text) => text.startsWith('image '))).toBe(true);
    }
  });
});

describe(imageKeyOf.name, () => {
  it('names bytes by their content: same bytes, same key; other bytes, another key', () => {
    const key = imageKeyOf(ascii('one'));
    expect(key).toMatch(IMAGE_KEY_PATTERN);
    expect(imageKeyOf(ascii('one'))).toBe(key);
    expect(imageKeyOf(ascii('two'))).not.toBe(key);
  });
});
