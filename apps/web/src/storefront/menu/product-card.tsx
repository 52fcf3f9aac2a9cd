import { Plus } from 'lucide-react';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { formatMoney } from '../../shared/format/money';
import { Button } from '../../shared/ui';
import { useCart } from '../cart/cart-context';
import { hasRequiredChoices, isSoldOut, type Product } from '../catalog';
import { ProductDialog } from '../product/product-dialog';
import { ProductImage } from './product-image';
import { Rating } from './rating';

/**
 * A menu item. Its button is always named "Add <name>": it adds straight to the cart, opens the
 * choices first for a product with required modifier groups, and is disabled when sold out.
 */
export function ProductCard({ product, headingLevel = 3 }: { product: Product; headingLevel?: 2 | 3 }) {
  const cart = useCart();
  const [open, setOpen] = useState(false);
  const soldOutId = useId();
  const soldOut = isSoldOut(product);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const onAdd = () => {
    if (hasRequiredChoices(product)) {
      setOpen(true);
      return;
    }
    cart.add({
      productId: product.id,
      name: product.name,
      quantity: 1,
      unitPrice: product.price,
      modifierOptionIds: [],
      modifierNames: [],
      ...(product.images[0] ? { imageUrl: product.images[0].thumbUrl } : {}),
    });
  };

  return (
    <article className="flex w-full flex-col overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm" aria-labelledby={`${soldOutId}-name`}>
      <Link to={`/product/${product.id}`} tabIndex={-1} aria-hidden="true" className="block">
        <ProductImage product={product} sizes="(max-width: 640px) 100vw, 320px" className={`aspect-[4/3] w-full ${soldOut ? 'opacity-60 grayscale' : ''}`} />
      </Link>
      <div className="flex flex-1 flex-col gap-2 p-4">
        <div className="flex items-start justify-between gap-2">
          <Heading id={`${soldOutId}-name`} className="text-base font-semibold leading-snug">
            <Link to={`/product/${product.id}`} className="hover:underline focus-visible:outline-2 focus-visible:outline-orange-600">
              {product.name}
            </Link>
          </Heading>
          <span className="shrink-0 font-semibold">{formatMoney(product.price)}</span>
        </div>
        <p className="line-clamp-2 text-sm text-stone-600">{product.description}</p>
        <div className="mt-auto flex items-center justify-between gap-2 pt-2">
          <Rating rating={product.rating} />
          {soldOut ? (
            <>
              <span id={soldOutId} className="text-sm font-semibold text-stone-700">
                Sold out
              </span>
              <Button size="sm" variant="secondary" disabled aria-label={`Add ${product.name}`} aria-describedby={soldOutId}>
                <Plus aria-hidden="true" className="h-4 w-4" /> Add
              </Button>
            </>
          ) : (
            <Button size="sm" aria-label={`Add ${product.name}`} onClick={onAdd} aria-haspopup={hasRequiredChoices(product) ? 'dialog' : undefined}>
              <Plus aria-hidden="true" className="h-4 w-4" /> Add
            </Button>
          )}
        </div>
      </div>
      {open && <ProductDialog product={product} open={open} onOpenChange={setOpen} />}
    </article>
  );
}
