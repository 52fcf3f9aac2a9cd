import { useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { formatMoney } from '../../shared/format/money';
import { isSoldOut } from '../catalog';
import { fetchProducts } from '../queries';
import { HighlightedName, type TextSpan } from './highlighted-name';
import { useDebounced } from './use-debounced';

export const SEARCH_DEBOUNCE_MS = 150;
const SUGGESTIONS = 6;

/**
 * Search as you type. The combobox pattern with the listbox popup; the text field itself is an
 * `<input type="search">` (role searchbox) inside the combobox, so it is found both as the
 * combobox and as the searchbox named "Search the menu". Each query text is its own cache
 * entry, so a late answer for an older text never replaces the newer one on screen.
 */
export function SearchBox() {
  const id = useId();
  const listboxId = `${id}-listbox`;
  const navigate = useNavigate();
  const location = useLocation();
  const [text, setText] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const query = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);

  const results = useQuery({
    queryKey: ['search', query],
    enabled: query.length > 0,
    staleTime: 30_000,
    queryFn: ({ signal }) => fetchProducts({ q: query, limit: SUGGESTIONS }, signal),
  });

  // The newest text's results only: while it loads, nothing stale is offered.
  const fresh = query === text.trim() && results.data && !results.isPlaceholderData ? results.data : undefined;
  const current = fresh ? fresh.items : [];
  const correctedQuery = fresh?.correctedQuery ?? null;
  const options = [
    ...current.map((p) => ({ id: `${id}-opt-${p.id}`, kind: 'product' as const, product: p })),
    ...(text.trim() ? [{ id: `${id}-opt-all`, kind: 'all' as const }] : []),
  ];
  const expanded = open && text.trim().length > 0;

  useEffect(() => setActive(-1), [query]);

  // Leaving the page (e.g. to a product) closes the popup.
  useEffect(() => setOpen(false), [location.pathname]);

  const goAll = () => {
    setOpen(false);
    void navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };

  const choose = (index: number) => {
    const option = options[index];
    if (!option) return goAll();
    if (option.kind === 'all') return goAll();
    setOpen(false);
    void navigate(`/product/${option.product.id}`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setOpen(true);
        setActive((a) => (options.length ? (a + 1) % options.length : -1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        setOpen(true);
        setActive((a) => (options.length ? (a <= 0 ? options.length - 1 : a - 1) : -1));
        break;
      case 'Enter':
        e.preventDefault();
        if (!text.trim()) return;
        if (expanded && active >= 0) choose(active);
        else goAll();
        break;
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        break;
      default:
        break;
    }
  };

  const status =
    !query || query !== text.trim()
      ? ''
      : results.isPending
        ? 'Searching…'
        : results.isError
          ? 'Search failed. Press Enter to try the full results page.'
          : current.length === 0
            ? 'No dishes match.'
            : `${correctedQuery ? `Showing results for “${correctedQuery}”. ` : ''}${current.length} ${current.length === 1 ? 'dish' : 'dishes'} found.`;

  return (
    <form
      role="search"
      aria-label="Search"
      className="relative w-full"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) goAll();
      }}
    >
      <div role="combobox" aria-label="Search the menu" aria-expanded={expanded} aria-haspopup="listbox" aria-controls={listboxId} aria-owns={listboxId}>
        <label htmlFor={`${id}-input`} className="sr-only">
          Search the menu
        </label>
        <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 h-4 w-4 -translate-y-1/2 text-stone-500" />
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="search"
          autoComplete="off"
          enterKeyHint="search"
          placeholder="Search dishes…"
          aria-autocomplete="list"
          aria-controls={listboxId}
          aria-activedescendant={expanded && active >= 0 ? options[active]?.id : undefined}
          aria-describedby={`${id}-status`}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
          className="block w-full rounded-full border border-stone-300 bg-stone-50 py-2 pr-3 pl-9 text-base focus-visible:bg-white focus-visible:outline-2 focus-visible:outline-orange-600"
        />
      </div>
      <ul
        id={listboxId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!expanded}
        className="absolute inset-x-0 top-full z-30 mt-1 max-h-96 overflow-y-auto rounded-xl border border-stone-200 bg-white py-1 shadow-lg"
      >
        {options.map((option, index) => (
          <li
            key={option.id}
            id={option.id}
            role="option"
            aria-selected={index === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(index)}
            onMouseEnter={() => setActive(index)}
            className={`flex cursor-pointer items-center justify-between gap-3 px-3 py-2 ${index === active ? 'bg-orange-50' : ''}`}
          >
            {option.kind === 'product' ? (
              <>
                <span className="min-w-0 truncate">
                  <HighlightedName name={option.product.name} spans={(option.product as { nameHighlights?: TextSpan[] }).nameHighlights} />
                  {isSoldOut(option.product) && <span className="ml-2 text-sm text-stone-500">(sold out)</span>}
                </span>
                <span className="shrink-0 text-sm text-stone-700">{formatMoney(option.product.price)}</span>
              </>
            ) : (
              <span className="font-medium text-orange-800">
                See all results for “{text.trim()}”
                {correctedQuery && <span className="block text-sm font-normal text-stone-600">Showing results for “{correctedQuery}”</span>}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p id={`${id}-status`} aria-live="polite" className="sr-only">
        {expanded ? status : ''}
      </p>
    </form>
  );
}
