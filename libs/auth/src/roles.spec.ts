import { isRole, roleSatisfies } from './roles';

describe(roleSatisfies.name, () => {
  it.each([
    ['customer', [], true],
    ['customer', ['customer'], true],
    ['customer', ['admin'], false],
    ['admin', ['admin'], true],
    ['admin', ['customer'], true],
    ['customer', ['admin', 'customer'], true],
  ] as const)('a %s calling a route for %j is allowed: %s', (role, required, expected) => {
    expect(roleSatisfies(role, required)).toBe(expected);
  });
});

describe(isRole.name, () => {
  it.each([
    ['customer', true],
    ['admin', true],
    ['Admin', false],
    ['root', false],
    [undefined, false],
    [1, false],
  ])('%j is a role: %s', (value, expected) => {
    expect(isRole(value)).toBe(expected);
  });
});
