import { UtensilsCrossed } from 'lucide-react';
import type { Product } from '../catalog';
import { cn } from '../../shared/ui';

/** The product's first picture with its 320w/1280w renditions; a neutral tile without one. */
export function ProductImage({ product, sizes, className, eager }: { product: Product; sizes: string; className?: string; eager?: boolean }) {
  const image = product.images[0];
  if (!image) {
    return (
      <div className={cn('flex items-center justify-center bg-stone-200 text-stone-500', className)}>
        <UtensilsCrossed aria-hidden="true" className="h-8 w-8" />
      </div>
    );
  }
  return (
    <img
      src={image.thumbUrl}
      srcSet={`${image.thumbUrl} 320w, ${image.largeUrl} 1280w`}
      sizes={sizes}
      alt={product.name}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      className={cn('bg-stone-200 object-cover', className)}
    />
  );
}
