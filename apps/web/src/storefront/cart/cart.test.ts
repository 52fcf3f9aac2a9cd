import { describe, expect, it } from 'vitest';
import { group, product } from '../test-fixtures';
import {
  addLine,
  canCheckout,
  cartTotals,
  lineKey,
  lineTotal,
  orderLines,
  orderNote,
  parseCart,
  removeLine,
  reviewLine,
  setQuantity,
  type CartLine,
} from './cart';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const base: Omit<CartLine, 'key'> = {
  productId: 'p1',
  name: 'Pizza Margherita',
  quantity: 1,
  unitPrice: usd(1100),
  modifierOptionIds: [],
  modifierNames: [],
};

describe('addLine', () => {
  it('merges the same product with the same options and note', () => {
    const lines = addLine(addLine([], base), { ...base, quantity: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.quantity).toBe(3);
  });
  it.each<[string, Partial<CartLine>]>([
    ['other options', { modifierOptionIds: ['large'] }],
    ['another note', { note: 'no basil' }],
    ['another product', { productId: 'p2' }],
  ])('keeps a separate line for %s', (_n, change) => {
    expect(addLine(addLine([], base), { ...base, ...change })).toHaveLength(2);
  });
  it('does not care about option order', () => {
    expect(lineKey('p', ['b', 'a'])).toBe(lineKey('p', ['a', 'b']));
  });
  it('caps the quantity at 99', () => {
    expect(addLine(addLine([], { ...base, quantity: 98 }), { ...base, quantity: 5 })[0]!.quantity).toBe(99);
  });
});

describe('setQuantity and removeLine', () => {
  const lines = addLine(addLine([], base), { ...base, productId: 'p2', name: 'Cola' });
  const key = lines[0]!.key;
  it.each<[number, number | undefined]>([
    [3, 3],
    [1, 1],
    [0, undefined],
    [-1, undefined],
    [2.7, 2],
    [500, 99],
  ])('quantity %d → %s', (q, expected) => {
    expect(setQuantity(lines, key, q).find((l) => l.key === key)?.quantity).toBe(expected);
  });
  it('removes only that line', () => {
    expect(removeLine(lines, key).map((l) => l.name)).toEqual(['Cola']);
  });
});

describe('cartTotals and lineTotal', () => {
  it.each<[[number, number][], number, number]>([
    [[], 0, 0],
    [[[1100, 1]], 1100, 1],
    [[[1100, 2], [350, 3]], 3250, 5],
    [[[1, 99]], 99, 99],
  ])('%o → subtotal %i, %i items', (rows, amount, count) => {
    const lines = rows.map(([price, quantity], i) => ({ ...base, key: String(i), unitPrice: usd(price), quantity }));
    expect(cartTotals(lines)).toEqual({ itemCount: count, subtotal: usd(amount) });
  });
  it('multiplies the unit price by the quantity', () => {
    expect(lineTotal({ unitPrice: usd(275), quantity: 4 })).toEqual(usd(1100));
  });
});

describe('reviewLine', () => {
  const size = group('size', 1, 1, [['small', 0], ['large', 300]]);
  const line: CartLine = { ...base, key: 'k', quantity: 2, unitPrice: usd(1400), modifierOptionIds: ['large'], modifierNames: ['large'] };
  const current = product({ modifierGroups: [size] });
  it.each<[string, ReturnType<typeof product> | null | undefined, string]>([
    ['still loading', undefined, 'checking'],
    ['unchanged', current, 'ok'],
    ['deleted', null, 'unavailable'],
    ['sold out', product({ modifierGroups: [size], available: 0 }), 'unavailable'],
    ['off sale', product({ modifierGroups: [size], onSale: false }), 'unavailable'],
    ['option removed', product({ modifierGroups: [group('size', 1, 1, [['small', 0]])] }), 'unavailable'],
    ['new required group', product({ modifierGroups: [size, group('sauce', 1, 1, [['bbq', 0]])] }), 'unavailable'],
    ['less stock than wanted', product({ modifierGroups: [size], available: 1 }), 'short'],
    ['base price went up', product({ modifierGroups: [size], price: usd(1200) }), 'price-changed'],
    ['option price went down', product({ modifierGroups: [group('size', 1, 1, [['small', 0], ['large', 200]])] }), 'price-changed'],
  ])('%s → %s', (_n, p, kind) => {
    expect(reviewLine(line, p).kind).toBe(kind);
  });
  it('says the old and new price', () => {
    expect(reviewLine(line, product({ modifierGroups: [size], price: usd(1200) }))).toMatchObject({ from: usd(1400), to: usd(1500) });
  });
  it('blocks checkout until every line is fine', () => {
    expect(canCheckout([{ kind: 'ok' }, { kind: 'checking' }])).toBe(false);
    expect(canCheckout([])).toBe(false);
    expect(canCheckout([{ kind: 'ok' }])).toBe(true);
  });
});

describe('order request', () => {
  const lines = [
    { ...base, key: 'a', quantity: 2, modifierOptionIds: ['large'], note: ' no basil ' },
    { ...base, key: 'b', productId: 'p2', name: 'Cola' },
  ];
  it('sends product, quantity and options only', () => {
    expect(orderLines(lines)).toEqual([
      { productId: 'p1', quantity: 2, modifierOptionIds: ['large'] },
      { productId: 'p2', quantity: 1, modifierOptionIds: [] },
    ]);
  });
  it.each<[string, CartLine[], string | undefined]>([
    ['', [], undefined],
    ['  ', [], undefined],
    ['Ring the bell', [], 'Ring the bell'],
    ['Ring the bell', lines, 'Ring the bell\nPizza Margherita: no basil'],
    ['', lines, 'Pizza Margherita: no basil'],
  ])('note %j → %j', (note, l, expected) => {
    expect(orderNote(note, l)).toBe(expected);
  });
});

describe('parseCart', () => {
  it.each<[string | null, number]>([
    [null, 0],
    ['not json', 0],
    ['{"a":1}', 0],
    ['[{"key":"k"}]', 0],
    [JSON.stringify([{ ...base, key: 'k' }]), 1],
    [JSON.stringify([{ ...base, key: 'k' }, { nope: true }]), 1],
  ])('%s → %i lines', (raw, count) => {
    expect(parseCart(raw)).toHaveLength(count);
  });
});
