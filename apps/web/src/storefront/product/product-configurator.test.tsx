import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CartProvider, useCart } from '../cart/cart-context';
import { group, product } from '../test-fixtures';
import { ProductConfigurator } from './product-configurator';

const pizza = product({
  modifierGroups: [
    { ...group('size', 1, 1, [['Small', 0], ['Large', 300]]), name: 'Size' },
    { ...group('extras', 0, 2, [['Olives', 100], ['Ham', 200], ['Egg', 150]]), name: 'Extras' },
    { ...group('sauces', 2, 3, [['BBQ', 0], ['Garlic', 0], ['Chili', 0], ['Mayo', 0]]), name: 'Sauces' },
  ],
});

const disabled = (el: HTMLElement) => (el as HTMLButtonElement).disabled;
const checked = (el: HTMLElement) => el.getAttribute('aria-checked') === 'true';
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
    .join(' ');

function CartCount() {
  const cart = useCart();
  return <output aria-label="cart">{cart.lines.map((l) => `${l.quantity}x${l.modifierNames.join('+')}@${l.unitPrice.amount}`).join(';')}</output>;
}

function renderSut(p = pizza) {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <CartProvider>
        <ProductConfigurator product={p} />
        <CartCount />
      </CartProvider>
    </QueryClientProvider>,
  );
}

// Rendering radix widgets in happy-dom is slow on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000 });

describe('ProductConfigurator', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('keeps "Add to cart" disabled and says what is missing per group until the minimums are met', () => {
    renderSut();
    const add = screen.getByRole('button', { name: /Add to cart/ });
    expect(disabled(add)).toBe(true);
    const size = screen.getByRole('radiogroup', { name: 'Size' });
    expect(description(size)).toMatch(/Choose at least 1/);
    const sauces = screen.getByRole('group', { name: 'Sauces' });
    expect(description(sauces)).toMatch(/Choose at least 2/);

    fireEvent.click(within(size).getByRole('radio', { name: /Large/ }));
    fireEvent.click(within(sauces).getByRole('checkbox', { name: 'BBQ' }));
    expect(disabled(add)).toBe(true);
    fireEvent.click(within(sauces).getByRole('checkbox', { name: 'Garlic' }));
    expect(description(sauces)).not.toMatch(/Choose at least/);
    expect(disabled(add)).toBe(false);
  });

  it('cannot tick past the maximum of a checkbox group', () => {
    renderSut();
    const extras = screen.getByRole('group', { name: 'Extras' });
    fireEvent.click(within(extras).getByRole('checkbox', { name: /Olives/ }));
    fireEvent.click(within(extras).getByRole('checkbox', { name: /Ham/ }));
    const egg = within(extras).getByRole('checkbox', { name: /Egg/ });
    expect(disabled(egg)).toBe(true);
    fireEvent.click(egg);
    expect(checked(egg)).toBe(false);
    fireEvent.click(within(extras).getByRole('checkbox', { name: /Ham/ }));
    expect(disabled(egg)).toBe(false);
  });

  it('shows the live price and adds the chosen line with its quantity', () => {
    renderSut();
    fireEvent.click(screen.getByRole('radio', { name: /Large/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Olives/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'BBQ' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mayo' }));
    fireEvent.click(screen.getByRole('button', { name: 'Increase quantity' }));
    // (1100 + 300 + 100) × 2
    const add = screen.getByRole('button', { name: /Add to cart/ });
    expect(add.textContent).toContain('$30.00');
    fireEvent.click(add);
    expect(screen.getByRole('status', { name: 'cart' }).textContent).toBe('2xLarge+Olives+BBQ+Mayo@1500');
  });

  it('offers "None" for an optional single choice and disables a sold-out product', () => {
    renderSut(product({ available: 0, modifierGroups: [{ ...group('shot', 0, 1, [['Extra shot', 80]]), name: 'Shot' }] }));
    expect(checked(screen.getByRole('radio', { name: 'No shot' }))).toBe(true);
    expect(disabled(screen.getByRole('button', { name: 'Add to cart (sold out)' }))).toBe(true);
  });
});
