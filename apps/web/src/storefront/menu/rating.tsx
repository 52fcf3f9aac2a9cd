import { Star } from 'lucide-react';
import type { Product } from '../catalog';

export function Rating({ rating }: { rating: Product['rating'] }) {
  if (rating.count === 0) return <span className="text-sm text-stone-500">No reviews yet</span>;
  const average = Math.round(rating.average * 10) / 10;
  return (
    <span className="inline-flex items-center gap-1 text-sm text-stone-700">
      <Star aria-hidden="true" className="h-4 w-4 fill-amber-400 text-amber-500" />
      <span aria-hidden="true">
        {average.toFixed(1)} ({rating.count})
      </span>
      <span className="sr-only">
        Rated {average} out of 5 from {rating.count} {rating.count === 1 ? 'review' : 'reviews'}
      </span>
    </span>
  );
}
