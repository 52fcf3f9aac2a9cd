import { useQuery } from '@tanstack/react-query';
import { ChevronLeft } from 'lucide-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/errors';
import { formatDateTime } from '../../shared/format/datetime';
import { formatMoney } from '../../shared/format/money';
import { useStoreTimeZone } from '../../shared/store';
import { Empty, ErrorState, Loading } from '../../shared/ui';
import { isSoldOut } from '../catalog';
import { ProductImage } from '../menu/product-image';
import { Rating } from '../menu/rating';
import { useProduct } from '../queries';
import { ProductConfigurator } from './product-configurator';

/** `/product/:id`: picture, description, choices, quantity, note, reviews. */
export function ProductPage() {
  const { id = '' } = useParams();
  const product = useProduct(id);
  const [added, setAdded] = useState<string | null>(null);

  if (product.isPending) return <Loading label="Loading the dish…" />;
  if (product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  if (product.data === null) {
    return (
      <Empty title="This dish is not on the menu.">
        <Link to="/" className="font-medium text-orange-800 underline">
          Back to the menu
        </Link>
      </Empty>
    );
  }
  const p = product.data;
  return (
    <div className="space-y-6">
      <Link to="/" className="inline-flex items-center gap-1 text-sm font-medium text-orange-800 hover:underline">
        <ChevronLeft aria-hidden="true" className="h-4 w-4" /> Menu
      </Link>
      <div className="grid gap-6 md:grid-cols-2">
        <ProductImage product={p} eager sizes="(max-width: 768px) 100vw, 600px" className="aspect-[4/3] w-full rounded-xl" />
        <div className="space-y-4">
          <div>
            <h1 className="text-3xl font-bold">{p.name}</h1>
            <p className="mt-1 flex flex-wrap items-center gap-3">
              <span className="text-xl font-semibold">{formatMoney(p.price)}</span>
              <Rating rating={p.rating} />
              {isSoldOut(p) && <span className="rounded-full bg-stone-200 px-2 py-0.5 text-sm font-semibold">Sold out</span>}
            </p>
            <p className="mt-3 text-stone-700">{p.description}</p>
            {p.tags.length > 0 && (
              <ul className="mt-2 flex flex-wrap gap-2" aria-label="Tags">
                {p.tags.map((t) => (
                  <li key={t} className="rounded-full bg-stone-100 px-2 py-0.5 text-sm text-stone-700">
                    {t}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <ProductConfigurator product={p} onAdded={() => setAdded(p.name)} />
          <div aria-live="polite">
            {added && (
              <p className="rounded-lg bg-green-50 px-3 py-2 text-green-900">
                Added {added} to your cart.{' '}
                <Link to="/cart" className="font-semibold underline">
                  View cart
                </Link>
              </p>
            )}
          </div>
        </div>
      </div>
      <Reviews productId={p.id} />
    </div>
  );
}

function Reviews({ productId }: { productId: string }) {
  const timeZone = useStoreTimeZone();
  const reviews = useQuery({
    queryKey: ['reviews', productId],
    queryFn: async () => unwrap(await api.GET('/api/products/{id}/reviews', { params: { path: { id: productId } } })),
  });
  return (
    <section aria-labelledby="reviews-heading" className="space-y-3">
      <h2 id="reviews-heading" className="text-xl font-semibold">
        Reviews
      </h2>
      {reviews.isPending ? (
        <Loading label="Loading reviews…" />
      ) : reviews.isError ? (
        <ErrorState error={reviews.error} title="We could not load the reviews." />
      ) : reviews.data.items.length === 0 ? (
        <p className="text-stone-600">No reviews yet.</p>
      ) : (
        <ul className="space-y-3">
          {reviews.data.items.map((r) => (
            <li key={r.id} className="rounded-lg border border-stone-200 bg-white p-3">
              <p className="font-medium">
                <span aria-hidden="true" className="text-amber-500">
                  {'★'.repeat(r.rating)}
                  {'☆'.repeat(5 - r.rating)}
                </span>
                <span className="sr-only">{r.rating} out of 5 stars</span>
                {r.title && <span className="ml-2">{r.title}</span>}
              </p>
              <p className="mt-1 text-stone-700">{r.body}</p>
              <p className="mt-1 text-sm text-stone-500">{formatDateTime(r.createdAt, timeZone)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
