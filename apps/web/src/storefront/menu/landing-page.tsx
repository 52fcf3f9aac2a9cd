import { Link } from 'react-router';
import { useStoreInfo } from '../../shared/store';
import { Empty, ErrorState, Loading } from '../../shared/ui';
import type { Category, Product } from '../catalog';
import { useCategories, useProducts } from '../queries';
import { OpeningHours, StoreStatusBadge } from '../store-status';
import { ProductGrid } from './product-grid';
import { ProductImage } from './product-image';

/** `/`: who we are, whether we are open, the categories with pictures, then the whole menu. */
export function LandingPage() {
  const store = useStoreInfo();
  const categories = useCategories();
  const products = useProducts({ limit: 100 });

  return (
    <div className="space-y-8">
      <section aria-labelledby="store-name" className="space-y-3">
        <h1 id="store-name" className="text-3xl font-bold tracking-tight sm:text-4xl">
          {store.data?.name ?? 'Galley'}
        </h1>
        {store.data?.description && <p className="max-w-2xl text-lg text-stone-700">{store.data.description}</p>}
        {store.data?.known && <StoreStatusBadge store={store.data} />}
        {store.data && <OpeningHours store={store.data} />}
      </section>

      {categories.isError || products.isError ? (
        <ErrorState
          error={categories.error ?? products.error}
          title="We could not load the menu."
          onRetry={() => {
            void categories.refetch();
            void products.refetch();
          }}
        />
      ) : categories.isPending || products.isPending ? (
        <Loading label="Loading the menu…" />
      ) : products.data.items.length === 0 ? (
        <Empty title="The menu is empty right now.">Please check back soon.</Empty>
      ) : (
        <Menu categories={categories.data} products={products.data.items} />
      )}
    </div>
  );
}

function Menu({ categories, products }: { categories: Category[]; products: Product[] }) {
  const sections = categories
    .map((category) => ({ category, items: products.filter((p) => p.categoryId === category.id) }))
    .filter((s) => s.items.length > 0);
  const uncategorised = products.filter((p) => !categories.some((c) => c.id === p.categoryId));

  return (
    <>
      <nav aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="mb-3 text-xl font-semibold">
          Categories
        </h2>
        <ul className="flex snap-x gap-3 overflow-x-auto pb-2 sm:grid sm:grid-cols-4 sm:overflow-visible lg:grid-cols-7">
          {sections.map(({ category, items }) => (
            <li key={category.id} className="w-28 shrink-0 snap-start sm:w-auto">
              <Link
                to={`/menu/${category.slug}`}
                className="group block overflow-hidden rounded-xl border border-stone-200 bg-white focus-visible:outline-2 focus-visible:outline-orange-600"
              >
                <ProductImage product={items.find((p) => p.images.length > 0) ?? items[0]!} sizes="160px" className="aspect-square w-full" />
                <span className="block px-2 py-2 text-center text-sm font-medium group-hover:underline">{category.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map(({ category, items }) => (
        <section key={category.id} aria-labelledby={`cat-${category.slug}`} className="space-y-3">
          <h2 id={`cat-${category.slug}`} className="text-2xl font-semibold">
            {category.name}
          </h2>
          <ProductGrid products={items} />
        </section>
      ))}
      {uncategorised.length > 0 && (
        <section aria-labelledby="cat-more" className="space-y-3">
          <h2 id="cat-more" className="text-2xl font-semibold">
            More
          </h2>
          <ProductGrid products={uncategorised} />
        </section>
      )}
    </>
  );
}
