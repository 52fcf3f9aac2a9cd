import { ModifierGroupInput, modifierGroupProblems } from './modifier-rules';

const option = (name: string, amount = 0, currency = 'USD') => ({ name, priceDelta: { amount, currency } });
const group = (minSelect: number, maxSelect: number, optionCount: number): ModifierGroupInput => ({
  name: 'Size',
  minSelect,
  maxSelect,
  options: Array.from({ length: optionCount }, (_, i) => option(`o${i}`)),
});

describe(modifierGroupProblems.name, () => {
  it.each<[string, ModifierGroupInput[], string[]]>([
    ['accepts no groups', [], []],
    ['accepts a required single choice', [group(1, 1, 3)], []],
    ['accepts optional extras up to every option', [group(0, 3, 3)], []],
    ['accepts an empty optional group', [group(0, 0, 0)], []],
    ['refuses minSelect above maxSelect', [group(2, 1, 3)], ['modifierGroups[0].minSelect must not exceed maxSelect']],
    ['refuses maxSelect above the option count', [group(0, 4, 3)], ['modifierGroups[0].maxSelect must not exceed the number of options (3)']],
    ['refuses a negative minSelect', [group(-1, 1, 3)], ['modifierGroups[0].minSelect must be an integer of at least 0']],
    ['refuses a fractional maxSelect', [group(0, 1.5, 3)], ['modifierGroups[0].maxSelect must be an integer of at least 0']],
    ['names the group that is wrong', [group(1, 1, 2), group(3, 3, 2)], ['modifierGroups[1].maxSelect must not exceed the number of options (2)']],
    [
      'refuses an option delta in another currency',
      [{ name: 'Extras', minSelect: 0, maxSelect: 1, options: [option('cheese', 100, 'EUR')] }],
      ['modifierGroups[0].options[0].priceDelta.currency must be the store currency USD'],
    ],
    [
      'refuses a negative option delta',
      [{ name: 'Extras', minSelect: 0, maxSelect: 1, options: [option('cheese', -100)] }],
      ['modifierGroups[0].options[0].priceDelta.amount must not be negative'],
    ],
  ])('%s', (_case, groups, expected) => {
    expect(modifierGroupProblems(groups, 'USD')).toEqual(expected);
  });

  it('refuses more than 50 groups', () => {
    expect(
      modifierGroupProblems(
        Array.from({ length: 51 }, () => group(0, 0, 0)),
        'USD',
      ),
    ).toEqual(['modifierGroups must have at most 50 groups']);
  });
});
