import { describe, expect, it } from 'vitest';
import { amountText, bodyOf, draftOf, parseAmount, validateDraft, type ProductDraft } from './product-form';

const base: ProductDraft = { ...draftOf(null, 'USD', 'cat'), name: 'Margherita', price: '12.50' };

describe('parseAmount', () => {
  it.each([
    ['12.50', 'USD', 1250],
    ['12.5', 'USD', 1250],
    ['3', 'USD', 300],
    ['1200', 'JPY', 1200],
    ['1.234', 'BHD', 1234],
  ])('%s %s is %i minor units', (text, currency, minor) => {
    expect(parseAmount(text, currency)).toBe(minor);
  });
  it('rejects too many decimals, words and negatives unless allowed', () => {
    expect(parseAmount('1.234', 'USD')).toBeNull();
    expect(parseAmount('12.5', 'JPY')).toBeNull();
    expect(parseAmount('abc', 'USD')).toBeNull();
    expect(parseAmount('-0.50', 'USD')).toBeNull();
    expect(parseAmount('-0.50', 'USD', true)).toBe(-50);
  });
  it('round-trips through amountText', () => {
    expect(amountText(1205, 'USD')).toBe('12.05');
    expect(amountText(-50, 'USD')).toBe('-0.50');
    expect(parseAmount(amountText(99, 'USD'), 'USD')).toBe(99);
  });
});

describe('validateDraft', () => {
  it('accepts a simple product', () => {
    expect(validateDraft(base, 'USD')).toEqual({});
  });
  it('applies the choice-group rules', () => {
    const draft: ProductDraft = {
      ...base,
      groups: [
        { name: 'Size', minSelect: '2', maxSelect: '1', options: [{ name: 'Small', price: '0' }] },
        { name: '', minSelect: '0', maxSelect: '3', options: [{ name: 'A', price: '0' }, { name: '', price: 'x' }] },
        { name: 'Empty', minSelect: '0', maxSelect: '1', options: [] },
      ],
    };
    expect(validateDraft(draft, 'USD')).toEqual({
      'groups.0.maxSelect': 'At most cannot be less than at least.',
      'groups.1.name': 'Name the choice group (e.g. Size).',
      'groups.1.maxSelect': 'At most cannot exceed the 2 options.',
      'groups.1.options.1.name': 'Name the option.',
      'groups.1.options.1.price': 'Enter a price change such as 1.50, 0 or -0.50.',
      'groups.2.maxSelect': 'At most cannot exceed the 0 options.',
      'groups.2.options': 'Add at least one option.',
    });
  });
  it('needs a price, a category and a preparation time', () => {
    expect(validateDraft({ ...base, price: '', categoryId: '', preparationMinutes: '-1' }, 'USD')).toEqual({
      price: 'Enter a price such as 12.50.',
      categoryId: 'Choose a category.',
      preparationMinutes: 'Enter whole minutes from 0 to 240.',
    });
  });
});

describe('bodyOf', () => {
  it('converts the draft to minor units and trims tags', () => {
    const body = bodyOf({ ...base, tags: ' vegan, ,hot ', groups: [{ name: 'Extra', minSelect: '0', maxSelect: '1', options: [{ name: 'Cheese', price: '1.5' }] }] }, 'USD');
    expect(body.price).toEqual({ amount: 1250, currency: 'USD' });
    expect(body.tags).toEqual(['vegan', 'hot']);
    expect(body.sku).toBeNull();
    expect(body.modifierGroups[0]?.options[0]?.priceDelta).toEqual({ amount: 150, currency: 'USD' });
  });
});
