import { canAddAddress, normaliseCountry } from './address-rules';

describe(canAddAddress.name, () => {
  it.each([
    [0, true],
    [19, true],
    [20, false],
    [25, false],
  ])('with %i addresses stored allows another: %s', (existing, expected) => {
    expect(canAddAddress(existing)).toBe(expected);
  });
});

describe(normaliseCountry.name, () => {
  it.each([
    ['de', 'DE'],
    [' Fr ', 'FR'],
    ['US', 'US'],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normaliseCountry(raw)).toBe(expected);
  });
});
