import { Check } from 'lucide-react';
import { Checkbox } from 'radix-ui';
import { Link, useSearchParams } from 'react-router';
import { formatMoney } from '../../shared/format/money';
import { useStoreInfo } from '../../shared/store';
import { Empty, ErrorState, Loading } from '../../shared/ui';
import { ProductGrid } from '../menu/product-grid';
import { useProducts, type ProductQuery } from '../queries';

const SORTS: { value: NonNullable<ProductQuery['sort']>; label: string }[] = [
  { value: 'relevance', label: 'Best match' },
  { value: 'price', label: 'Price, low to high' },
  { value: '-price', label: 'Price, high to low' },
  { value: 'rating', label: 'Top rated' },
];

/** `/search?q=`: ranked results with category and price facets and an in-stock filter. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const store = useStoreInfo();
  const currency = store.data?.currency ?? 'USD';
  const q = params.get('q')?.trim() ?? '';
  const category = params.get('category') ?? undefined;
  const minPrice = params.has('minPrice') ? Number(params.get('minPrice')) : undefined;
  const maxPrice = params.has('maxPrice') ? Number(params.get('maxPrice')) : undefined;
  const inStock = params.get('inStock') === 'true';
  const sort = (SORTS.find((s) => s.value === params.get('sort'))?.value ?? (q ? 'relevance' : 'newest')) as ProductQuery['sort'];

  const query: ProductQuery = {
    ...(q ? { q } : {}),
    ...(category ? { category } : {}),
    ...(minPrice !== undefined ? { minPrice } : {}),
    ...(maxPrice !== undefined ? { maxPrice } : {}),
    ...(inStock ? { inStock } : {}),
    ...(sort ? { sort } : {}),
    limit: 48,
  };
  const results = useProducts(query);
  // Facets for the whole query, not narrowed by the chosen facet, so others stay choosable.
  const facetSource = useProducts({ ...(q ? { q } : {}), ...(inStock ? { inStock } : {}), limit: 1 });
  const facets = facetSource.data?.facets ?? results.data?.facets;

  const update = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  const bandLabel = (min: number, max: number | null) =>
    max === null ? `${formatMoney({ amount: min, currency })} and up` : `${formatMoney({ amount: min, currency })} – ${formatMoney({ amount: max, currency })}`;

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{q ? `Results for “${q}”` : 'All dishes'}</h1>
      <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
        <aside aria-label="Filters" className="space-y-4">
          <label className="flex min-h-11 cursor-pointer items-center gap-3" htmlFor="in-stock">
            <Checkbox.Root
              id="in-stock"
              checked={inStock}
              onCheckedChange={(c) => update({ inStock: c === true ? 'true' : null })}
              className="flex h-5 w-5 items-center justify-center rounded border border-stone-400 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-600 data-[state=checked]:border-orange-600 data-[state=checked]:bg-orange-600"
            >
              <Checkbox.Indicator>
                <Check aria-hidden="true" className="h-4 w-4 text-white" />
              </Checkbox.Indicator>
            </Checkbox.Root>
            <span className="font-medium">In stock only</span>
          </label>
          <label className="block space-y-1">
            <span className="text-sm font-medium">Sort by</span>
            <select
              value={sort}
              onChange={(e) => update({ sort: e.target.value })}
              className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-orange-600"
            >
              {!q && <option value="newest">Newest</option>}
              {SORTS.filter((s) => q || s.value !== 'relevance').map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          {facets && (
            <>
              <FacetList
                title="Category"
                items={[
                  { key: 'all', label: 'All categories', active: !category, onSelect: () => update({ category: null }) },
                  ...facets.categories.map((c) => ({
                    key: c.id,
                    label: c.name,
                    count: c.count,
                    active: category === c.slug || category === c.id,
                    onSelect: () => update({ category: c.slug }),
                  })),
                ]}
              />
              <FacetList
                title="Price"
                items={[
                  { key: 'all', label: 'Any price', active: minPrice === undefined && maxPrice === undefined, onSelect: () => update({ minPrice: null, maxPrice: null }) },
                  ...facets.priceBands
                    .filter((b) => b.count > 0)
                    .map((b) => ({
                      key: `${b.min}-${b.max}`,
                      label: bandLabel(b.min, b.max),
                      count: b.count,
                      active: minPrice === b.min && (b.max === null ? maxPrice === undefined : maxPrice === b.max - 1),
                      onSelect: () => update({ minPrice: String(b.min), maxPrice: b.max === null ? null : String(b.max - 1) }),
                    })),
                ]}
              />
            </>
          )}
        </aside>
        <section aria-label="Results" className="min-w-0">
          {results.isError ? (
            <ErrorState error={results.error} onRetry={() => void results.refetch()} />
          ) : results.isPending ? (
            <Loading label="Searching…" />
          ) : results.data.items.length === 0 ? (
            <Empty title={q ? `No dishes match “${q}”.` : 'No dishes match these filters.'}>
              <Link to="/" className="font-medium text-orange-800 underline">
                Browse the whole menu
              </Link>
            </Empty>
          ) : (
            <>
              <p className="mb-3 text-sm text-stone-600">
                {results.data.items.length} {results.data.items.length === 1 ? 'dish' : 'dishes'}
              </p>
              <ProductGrid products={results.data.items} headingLevel={2} />
            </>
          )}
        </section>
      </div>
    </div>
  );
}

type FacetItem = { key: string; label: string; count?: number; active: boolean; onSelect(): void };

function FacetList({ title, items }: { title: string; items: FacetItem[] }) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-semibold">{title}</legend>
      <ul className="flex flex-wrap gap-2 lg:block lg:space-y-1">
        {items.map((item) => (
          <li key={item.key}>
            <button
              type="button"
              aria-pressed={item.active}
              onClick={item.onSelect}
              className={`rounded-full border px-3 py-1.5 text-left text-sm focus-visible:outline-2 focus-visible:outline-orange-600 lg:w-full lg:rounded-md ${item.active ? 'border-orange-600 bg-orange-50 font-semibold' : 'border-stone-300 bg-white hover:bg-stone-100'}`}
            >
              {item.label}
              {item.count !== undefined && <span className="ml-1 text-stone-500">({item.count})</span>}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
