import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { product } from '../test-fixtures';
import { SearchBox } from './search-box';

// openapi-fetch keeps the fetch it finds when the client is created, so stub it first.
const answers = vi.hoisted(() => {
  const pending = new Map<string, { delayMs: number; names: string[]; correctedQuery?: string; spans?: { start: number; end: number }[] }>();
  const calls: string[] = [];
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const q = url.searchParams.get('q') ?? '';
    calls.push(q);
    const answer = pending.get(q) ?? { delayMs: 0, names: [] };
    await new Promise((r) => setTimeout(r, answer.delayMs));
    const items = answer.names.map((name, i) => ({ ...productJson, id: `${q}-${i}`, name, nameHighlights: answer.spans ?? [] }));
    return new Response(JSON.stringify({ items, correctedQuery: answer.correctedQuery ?? null, nextCursor: null, facets: { categories: [], priceBands: [] } }), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  const productJson = {} as Record<string, unknown>;
  return { pending, calls, productJson };
});
Object.assign(answers.productJson, product());

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function renderSut() {
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={['/']}>
        <SearchBox />
        <Routes>
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const input = () => screen.getByRole('searchbox', { name: 'Search the menu' });
const optionNames = () => screen.queryAllByRole('option').map((o) => o.textContent ?? '');

// Rendering radix widgets in happy-dom is slow on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000 });

describe('SearchBox', () => {
  afterEach(() => {
    cleanup();
    answers.pending.clear();
    answers.calls.length = 0;
  });

  it('is a searchbox inside a combobox that owns a listbox', () => {
    renderSut();
    const combobox = screen.getByRole('combobox', { name: 'Search the menu' });
    expect(input().getAttribute('type')).toBe('search');
    expect(combobox.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(input().getAttribute('aria-controls')!)?.getAttribute('role')).toBe('listbox');
  });

  it('marks the matched parts of each name and says which words it searched for when it corrected the query', async () => {
    renderSut();
    answers.pending.set('safron risoto', { delayMs: 0, names: ['Saffron Risotto'], correctedQuery: 'saffron risotto', spans: [{ start: 0, end: 7 }, { start: 8, end: 15 }] });
    fireEvent.change(input(), { target: { value: 'safron risoto' } });
    const option = await screen.findByRole('option', { name: /Saffron Risotto/ });
    expect([...option.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Saffron', 'Risotto']);
    expect(screen.getByRole('option', { name: /See all results/ }).textContent).toContain('Showing results for “saffron risotto”');
    await waitFor(() => expect(document.getElementById(input().getAttribute('aria-describedby')!)?.textContent).toContain('Showing results for “saffron risotto”'));
  });

  it('debounces typing into one request for the last text', async () => {
    renderSut();
    answers.pending.set('pizza', { delayMs: 0, names: ['Pizza Margherita'] });
    for (const text of ['p', 'pi', 'piz', 'pizz', 'pizza']) fireEvent.change(input(), { target: { value: text } });
    await waitFor(() => expect(optionNames()[0]).toContain('Pizza Margherita'));
    expect(answers.calls).toEqual(['pizza']);
  });

  it('never lets a late answer for an older text replace the newer one', async () => {
    renderSut();
    answers.pending.set('pi', { delayMs: 400, names: ['Stale Pie'] });
    answers.pending.set('pizza', { delayMs: 0, names: ['Pizza Margherita'] });
    fireEvent.change(input(), { target: { value: 'pi' } });
    await waitFor(() => expect(answers.calls).toContain('pi'));
    fireEvent.change(input(), { target: { value: 'pizza' } });
    await waitFor(() => expect(optionNames()[0]).toContain('Pizza Margherita'));
    await act(() => new Promise((r) => setTimeout(r, 500)));
    expect(optionNames().join('|')).not.toContain('Stale Pie');
    expect(optionNames()[0]).toContain('Pizza Margherita');
  });

  it('moves aria-activedescendant with the arrows, opens with Enter and closes with Escape', async () => {
    renderSut();
    answers.pending.set('pizza', { delayMs: 0, names: ['Pizza Margherita', 'Pizza Funghi'] });
    fireEvent.change(input(), { target: { value: 'pizza' } });
    await waitFor(() => expect(optionNames()).toHaveLength(3));
    const combobox = screen.getByRole('combobox', { name: 'Search the menu' });
    expect(combobox.getAttribute('aria-expanded')).toBe('true');

    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    const active = input().getAttribute('aria-activedescendant');
    expect(document.getElementById(active!)?.textContent).toContain('Pizza Funghi');
    expect(document.getElementById(active!)?.getAttribute('aria-selected')).toBe('true');

    fireEvent.keyDown(input(), { key: 'Escape' });
    expect(combobox.getAttribute('aria-expanded')).toBe('false');
    expect(input().getAttribute('aria-activedescendant')).toBeNull();

    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(screen.getByTestId('where').textContent).toBe('/product/pizza-1');
  });

  it('goes to the results page on Enter without a highlighted option', async () => {
    renderSut();
    fireEvent.change(input(), { target: { value: 'salad' } });
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(screen.getByTestId('where').textContent).toBe('/search?q=salad');
  });
});
