import { describe, expect, it } from 'vitest';
import { group, product } from '../test-fixtures';
import {
  canAddMore,
  groupHint,
  groupProblem,
  isSelectionComplete,
  optionNames,
  selectedOptionIds,
  toggleOption,
  unitPrice,
  type Selection,
} from './modifier-rules';

const size = group('size', 1, 1, [['small', 0], ['large', 300]]);
const toppings = group('toppings', 0, 2, [['olives', 100], ['ham', 200], ['egg', 150]]);
const sauces = group('sauces', 2, 3, [['bbq', 0], ['garlic', 0], ['chili', 0], ['mayo', 0]]);
const extraShot = group('shot', 0, 1, [['shot', 80]]);

describe('toggleOption', () => {
  it.each<[string, Selection, typeof size, string, Selection]>([
    ['radio picks a choice', {}, size, 'small', { size: ['small'] }],
    ['radio replaces the choice', { size: ['small'] }, size, 'large', { size: ['large'] }],
    ['required radio keeps its choice when tapped again', { size: ['large'] }, size, 'large', { size: ['large'] }],
    ['optional radio clears when tapped again', { shot: ['shot'] }, extraShot, 'shot', { shot: [] }],
    ['checkbox ticks', {}, toppings, 'olives', { toppings: ['olives'] }],
    ['checkbox unticks', { toppings: ['olives', 'ham'] }, toppings, 'olives', { toppings: ['ham'] }],
    ['checkbox cannot tick past max', { toppings: ['olives', 'ham'] }, toppings, 'egg', { toppings: ['olives', 'ham'] }],
    ['checkbox at max can still untick', { toppings: ['olives', 'ham'] }, toppings, 'ham', { toppings: ['olives'] }],
  ])('%s', (_name, before, g, option, after) => {
    expect(toggleOption(before, g, option)).toEqual(after);
  });

  it('leaves other groups alone', () => {
    expect(toggleOption({ size: ['small'] }, toppings, 'egg')).toEqual({ size: ['small'], toppings: ['egg'] });
  });
});

describe('groupProblem', () => {
  it.each<[Selection, typeof size, string | null]>([
    [{}, size, 'Choose at least 1'],
    [{ size: ['small'] }, size, null],
    [{}, toppings, null],
    [{ sauces: ['bbq'] }, sauces, 'Choose at least 2'],
    [{ sauces: ['bbq', 'garlic'] }, sauces, null],
    [{ sauces: ['bbq', 'garlic', 'chili', 'mayo'] }, sauces, 'Choose at most 3'],
  ])('%o in %o → %s', (selection, g, problem) => {
    expect(groupProblem(selection, g)).toBe(problem);
  });
});

describe('canAddMore', () => {
  it.each<[Selection, boolean]>([
    [{}, true],
    [{ toppings: ['olives'] }, true],
    [{ toppings: ['olives', 'ham'] }, false],
  ])('%o → %s', (selection, expected) => {
    expect(canAddMore(selection, toppings)).toBe(expected);
  });
});

describe('groupHint', () => {
  it.each([
    [size, 'Required, choose 1'],
    [toppings, 'Optional, up to 2'],
    [sauces, 'Required, choose 2 to 3'],
    [extraShot, 'Optional'],
  ])('%o → %s', (g, hint) => {
    expect(groupHint(g)).toBe(hint);
  });
});

describe('isSelectionComplete', () => {
  const groups = [size, toppings, sauces];
  it.each<[Selection, boolean]>([
    [{}, false],
    [{ size: ['small'] }, false],
    [{ size: ['small'], sauces: ['bbq', 'mayo'] }, true],
    [{ size: ['small'], sauces: ['bbq', 'mayo'], toppings: ['egg'] }, true],
  ])('%o → %s', (selection, complete) => {
    expect(isSelectionComplete(selection, groups)).toBe(complete);
  });
});

describe('unitPrice', () => {
  const pizza = product({ modifierGroups: [size, toppings] });
  it.each<[string[], number]>([
    [[], 1100],
    [['small'], 1100],
    [['large'], 1400],
    [['large', 'olives', 'ham'], 1700],
    [['unknown-option'], 1100],
  ])('%o → %i', (ids, amount) => {
    expect(unitPrice(pizza, ids)).toEqual({ amount, currency: 'USD' });
  });
});

describe('selectedOptionIds and optionNames', () => {
  it('lists choices in menu order, not tap order', () => {
    const pizza = product({ modifierGroups: [size, toppings] });
    const ids = selectedOptionIds({ toppings: ['ham', 'olives'], size: ['large'] }, pizza.modifierGroups);
    expect(ids).toEqual(['large', 'olives', 'ham']);
    expect(optionNames(pizza, ids)).toEqual(['large', 'olives', 'ham']);
  });
});
