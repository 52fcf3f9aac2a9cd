import { ChevronLeft } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { Empty, ErrorState, Loading } from '../../shared/ui';
import { useCategories, useProducts } from '../queries';
import { ProductGrid } from './product-grid';

/** `/menu/:slug`: one category's dishes. */
export function CategoryPage() {
  const { slug = '' } = useParams();
  const categories = useCategories();
  const products = useProducts({ category: slug, limit: 100 });
  const category = categories.data?.find((c) => c.slug === slug || c.id === slug);

  return (
    <div className="space-y-4">
      <Link to="/" className="inline-flex items-center gap-1 text-sm font-medium text-orange-800 hover:underline">
        <ChevronLeft aria-hidden="true" className="h-4 w-4" /> Whole menu
      </Link>
      <h1 className="text-3xl font-bold">{category?.name ?? (categories.isPending ? 'Menu' : 'Category not found')}</h1>
      {products.isError ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : products.isPending ? (
        <Loading label="Loading dishes…" />
      ) : products.data.items.length === 0 ? (
        <Empty title="Nothing here right now." />
      ) : (
        <ProductGrid products={products.data.items} headingLevel={2} />
      )}
    </div>
  );
}
