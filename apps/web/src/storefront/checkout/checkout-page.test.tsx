import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tokenStore } from '../../shared/api/token-store';
import { AppProviders, createQueryClient } from '../../shared/providers';
import { CartProvider } from '../cart/cart-context';
import { product } from '../test-fixtures';
import { CheckoutPage } from './checkout-page';

// openapi-fetch keeps the fetch it finds when the client is created, so stub it first.
const net = vi.hoisted(() => {
  const orderPosts: { key: string | null; body: unknown }[] = [];
  const state = { failNextOrder: false, store: { openNow: true, acceptingOrders: true } };
  const productJson: Record<string, unknown> = {};
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  const order = {
    id: 'order-1', customerId: 'u1', status: 'PENDING', total: usd(2200), fulfillment: { type: 'pickup' },
    createdAt: '2026-12-02T10:00:00.000Z', updatedAt: '2026-12-02T10:00:00.000Z', estimatedReadyAt: null,
    lines: [{ productId: 'p1', name: 'Pizza Margherita', quantity: 2, modifiers: [], unitPrice: usd(1100), lineTotal: usd(2200) }],
    history: [{ sequence: 1, status: 'PENDING', at: '2026-12-02T10:00:00.000Z', reason: 'order placed', actor: 'customer' }], refunds: [],
  };
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const { pathname } = new URL(request.url);
    const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
    if (pathname === '/api/auth/refresh') return json(200, { accessToken: 'tok', expiresIn: 900 });
    if (pathname === '/api/users/me') return json(200, { id: 'u1', email: 'ann@example.com', name: 'Ann', role: 'customer', guest: false });
    if (pathname === '/api/users/me/addresses') return json(200, { items: [], nextCursor: null });
    if (pathname === '/api/store') {
      return json(200, {
        name: 'Galley', description: '', currency: 'USD', timeZone: 'UTC', openingHours: {}, nextChangeAt: '2030-01-01T11:30:00.000Z', pausedUntil: null,
        ...state.store,
      });
    }
    if (pathname.startsWith('/api/products/')) return json(200, productJson);
    if (pathname === '/api/orders' && request.method === 'POST') {
      orderPosts.push({ key: request.headers.get('Idempotency-Key'), body: await request.json() });
      if (state.failNextOrder) {
        state.failNextOrder = false;
        throw new TypeError('Failed to fetch');
      }
      await new Promise((r) => setTimeout(r, 30));
      return json(201, order);
    }
    if (pathname === '/api/orders/order-1') return json(200, order);
    return json(404, { statusCode: 404, error: 'Not Found', message: `no ${pathname}`, requestId: 'r' });
  };
  return { orderPosts, state, productJson };
});

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function renderSut() {
  return render(
    <AppProviders client={createQueryClient()}>
      <CartProvider>
        <MemoryRouter initialEntries={['/checkout']}>
          <Routes>
            <Route path="/checkout" element={<CheckoutPage />} />
          </Routes>
          <Where />
        </MemoryRouter>
      </CartProvider>
    </AppProviders>,
  );
}

const line = { key: 'p1||', productId: 'p1', name: 'Pizza Margherita', quantity: 2, unitPrice: { amount: 1100, currency: 'USD' }, modifierOptionIds: [], modifierNames: [] };

// Rendering radix widgets in happy-dom is slow on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000 });

describe('CheckoutPage', () => {
  beforeEach(() => {
    Object.assign(net.productJson, product());
    localStorage.setItem('galley.cart.v1', JSON.stringify([line]));
    tokenStore.set('tok');
  });
  afterEach(() => {
    cleanup();
    net.orderPosts.length = 0;
    net.state.store = { openNow: true, acceptingOrders: true };
    localStorage.clear();
  });

  it('makes one order from a double click', async () => {
    renderSut();
    const place = await screen.findByRole('button', { name: /Place order/ });
    await waitFor(() => expect((place as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(place);
    fireEvent.click(place);
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/checkout?order=order-1'));
    expect(await screen.findByRole('heading', { name: 'Total to pay: $22.00' })).toBeTruthy();
    expect(net.orderPosts).toHaveLength(1);
    expect(net.orderPosts[0]!.body).toEqual({ lines: [{ productId: 'p1', quantity: 2, modifierOptionIds: [] }], fulfillment: { type: 'pickup' } });
    expect(net.orderPosts[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the Idempotency-Key when the customer retries after a network failure', async () => {
    net.state.failNextOrder = true;
    renderSut();
    const place = await screen.findByRole('button', { name: /Place order/ });
    await waitFor(() => expect((place as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(place);
    await screen.findByText(/Cannot reach the server/);
    fireEvent.click(screen.getByRole('button', { name: /Place order/ }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/checkout?order=order-1'));
    expect(net.orderPosts).toHaveLength(2);
    expect(net.orderPosts[1]!.key).toBe(net.orderPosts[0]!.key);
  });

  it('blocks ordering while the store is closed and says when it opens', async () => {
    net.state.store = { openNow: false, acceptingOrders: true };
    renderSut();
    expect(await screen.findByText('We are closed right now.')).toBeTruthy();
    expect(screen.getByText(/Opens/).textContent).toMatch(/Opens .*11:30/);
    await screen.findByText('Ordering as');
    expect((screen.getByRole('button', { name: /Place order/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks for the delivery address field by field before sending anything', async () => {
    renderSut();
    await screen.findByText('Ordering as');
    fireEvent.click(screen.getByRole('radio', { name: 'Delivery' }));
    const place = screen.getByRole('button', { name: /Place order/ });
    await waitFor(() => expect((place as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(place);
    expect(await screen.findByText('Enter the street and number')).toBeTruthy();
    expect(screen.getByText('Enter the two-letter country code, such as US or GB')).toBeTruthy();
    expect(net.orderPosts).toHaveLength(0);
  });
});
