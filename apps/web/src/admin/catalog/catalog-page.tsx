import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { Switch } from 'radix-ui';
import { useState, type FormEvent } from 'react';
import { Link, Route, Routes } from 'react-router';
import { api } from '../../shared/api/client';
import { errorMessage } from '../../shared/api/errors';
import { formatMoney } from '../../shared/format/money';
import { adminApi, type Product } from '../api/admin-client';
import { adminKeys } from '../api/hooks';
import { Button, Empty, ErrorState, Field, FormError, Loading } from '../ui';
import { useCategories, useProducts } from './catalog-queries';
import { moved } from './category-order';
import { ProductEditorPage } from './product-editor-page';

export function CatalogPage() {
  return (
    <Routes>
      <Route index element={<CatalogList />} />
      <Route path="new" element={<ProductEditorPage />} />
      <Route path=":id" element={<ProductEditorPage />} />
    </Routes>
  );
}

/** "Available now" switch: an off-sale product stays listed, greyed out, and cannot be ordered. */
export function OnSaleSwitch({ product }: { product: Product }) {
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: async (onSale: boolean) => {
      const res = await adminApi.PATCH('/api/admin/products/{id}', { params: { path: { id: product.id } }, body: { onSale } });
      if (res.error || !res.data) throw res.error ?? new Error('Not changed.');
      return res.data;
    },
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: adminKeys.products }),
  });
  const checked = toggle.isPending ? Boolean(toggle.variables) : product.onSale;
  const id = `on-sale-${product.id}`;
  return (
    <div className="flex items-center gap-2">
      <Switch.Root
        id={id}
        checked={checked}
        onCheckedChange={(v) => toggle.mutate(v)}
        aria-label={`${product.name} available now`}
        className="relative h-7 w-12 shrink-0 rounded-full bg-stone-400 transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-600 data-[state=checked]:bg-green-700"
      >
        <Switch.Thumb className="block h-6 w-6 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[22px]" />
      </Switch.Root>
      <span className="text-sm">{checked ? 'Available' : 'Unavailable'}</span>
      {toggle.isError && <span className="text-sm text-red-800">{errorMessage(toggle.error, 'Could not change it.')}</span>}
    </div>
  );
}

function CatalogList() {
  const categories = useCategories();
  const products = useProducts();

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Menu</h1>
        <Link to="/admin/catalog/new" className="inline-flex min-h-11 items-center rounded-lg bg-orange-700 px-4 font-medium text-white hover:bg-orange-800">
          New product
        </Link>
      </div>
      <div className="grid gap-4 lg:grid-cols-[18rem_1fr]">
        <CategoriesPanel />
        <section aria-labelledby="products-h" className="space-y-3">
          <h2 id="products-h" className="text-xl font-semibold">Products</h2>
          {products.isPending || categories.isPending ? (
            <Loading label="Loading the menu…" />
          ) : products.isError ? (
            <ErrorState error={products.error} title="The products could not be loaded." onRetry={() => void products.refetch()} />
          ) : products.data.length === 0 ? (
            <Empty title="No products yet.">Add the first one with “New product”.</Empty>
          ) : (
            (categories.data ?? []).map((c) => {
              const items = products.data.filter((p) => p.categoryId === c.id);
              if (items.length === 0) return null;
              return (
                <div key={c.id} className="rounded-xl bg-white p-3 shadow-sm">
                  <h3 className="mb-2 font-semibold">{c.name}</h3>
                  <ul className="divide-y divide-stone-100">
                    {items.map((p) => (
                      <li key={p.id} className="flex flex-wrap items-center gap-3 py-2">
                        {p.images[0] ? (
                          <img src={p.images[0].thumbUrl} alt="" className="h-12 w-12 rounded-lg object-cover" />
                        ) : (
                          <span className="h-12 w-12 rounded-lg bg-stone-200" aria-hidden="true" />
                        )}
                        <span className="min-w-40 flex-1">
                          <span className="font-medium">{p.name}</span>
                          <span className="block text-sm text-stone-700">
                            {formatMoney(p.price)} · {p.available} in stock · {p.preparationMinutes} min
                          </span>
                        </span>
                        <OnSaleSwitch product={p} />
                        <Link to={`/admin/catalog/${p.id}`} className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-3 text-sm font-medium hover:bg-stone-100">
                          Edit<span className="sr-only"> {p.name}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })
          )}
        </section>
      </div>
    </div>
  );
}

function CategoriesPanel() {
  const queryClient = useQueryClient();
  const categories = useCategories();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  type Category = NonNullable<typeof categories.data>[number];
  // The new order is shown at once and sent as the full list; the server's answer (or the old order) replaces it.
  const reorder = useMutation({
    mutationFn: async (next: { items: Category[]; message: string }) => {
      const res = await api.PUT('/api/admin/categories/order', { body: { ids: next.items.map((c) => c.id) } });
      if (res.error || !res.data) throw res.error ?? new Error('The order was not saved.');
      return res.data.items;
    },
    onMutate: async (next) => {
      await queryClient.cancelQueries({ queryKey: adminKeys.categories });
      const before = queryClient.getQueryData<Category[]>(adminKeys.categories);
      queryClient.setQueryData(adminKeys.categories, next.items);
      return { before };
    },
    onSuccess: (items, next) => {
      queryClient.setQueryData(adminKeys.categories, items);
      setAnnouncement(next.message);
    },
    onError: (error, _next, context) => {
      if (context?.before) queryClient.setQueryData(adminKeys.categories, context.before);
      setAnnouncement(`Not moved: ${errorMessage(error, 'the order could not be saved.')}`);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['categories'] }),
  });
  function move(list: readonly Category[], index: number, direction: -1 | 1) {
    const items = moved(list, index, direction);
    if (items === list || items[index] === list[index]) return;
    const category = list[index]!;
    reorder.mutate({ items, message: `${category.name} moved ${direction < 0 ? 'up' : 'down'} to position ${index + direction + 1} of ${list.length}.` });
  }
  const add = useMutation({
    mutationFn: async (categoryName: string) => {
      const res = await api.POST('/api/admin/categories', { body: { name: categoryName } });
      if (res.error || !res.data) throw res.error ?? new Error('Not added.');
      return res.data;
    },
    onSuccess: async () => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: adminKeys.categories });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setProblem('Enter a category name.');
    setProblem(null);
    add.mutate(name.trim());
  }
  return (
    <section aria-labelledby="categories-h" className="space-y-3 rounded-xl bg-white p-3 shadow-sm">
      <h2 id="categories-h" className="text-xl font-semibold">Categories</h2>
      {categories.isPending ? (
        <Loading />
      ) : categories.isError ? (
        <ErrorState error={categories.error} />
      ) : categories.data.length === 0 ? (
        <Empty title="No categories yet." />
      ) : (
        <ol className="space-y-1" aria-label="Category order">
          {categories.data.map((c, index, list) => (
            <li key={c.id} className="flex items-center gap-1 rounded-lg bg-stone-50 px-2 py-1">
              <span className="min-w-0 flex-1 break-words">
                {c.name} <span className="text-sm text-stone-600">/{c.slug}</span>
              </span>
              {/* aria-disabled, not disabled: the button keeps focus when its category reaches the end. */}
              <button
                type="button"
                aria-label={`Move ${c.name} up`}
                aria-disabled={index === 0}
                onClick={() => index > 0 && move(list, index, -1)}
                className="flex h-11 w-11 items-center justify-center rounded-lg border border-stone-300 bg-white hover:bg-stone-100 aria-disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-orange-600"
              >
                <ArrowUp aria-hidden="true" className="h-4 w-4" />
              </button>
              <button
                type="button"
                aria-label={`Move ${c.name} down`}
                aria-disabled={index === list.length - 1}
                onClick={() => index < list.length - 1 && move(list, index, 1)}
                className="flex h-11 w-11 items-center justify-center rounded-lg border border-stone-300 bg-white hover:bg-stone-100 aria-disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-orange-600"
              >
                <ArrowDown aria-hidden="true" className="h-4 w-4" />
              </button>
            </li>
          ))}
        </ol>
      )}
      <p role="status" className="text-sm text-stone-700">
        {announcement}
      </p>
      <form onSubmit={submit} noValidate className="space-y-2">
        <Field label="New category" value={name} onChange={(e) => setName(e.target.value)} error={problem ?? undefined} />
        <FormError>{add.error ? errorMessage(add.error, 'The category could not be added.') : null}</FormError>
        <Button type="submit" variant="secondary" disabled={add.isPending}>
          Add category
        </Button>
      </form>
    </section>
  );
}
