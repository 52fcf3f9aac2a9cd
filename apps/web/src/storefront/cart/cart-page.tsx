import { AlertTriangle, Trash2 } from 'lucide-react';
import { Link, useNavigate } from 'react-router';
import { formatMoney } from '../../shared/format/money';
import { Button, Empty, buttonVariants } from '../../shared/ui';
import { canCheckout, cartTotals, lineTotal, type CartLine, type LineReview } from './cart';
import { useCart } from './cart-context';
import { QuantityStepper } from './quantity-stepper';
import { useCartReview } from './use-cart-review';

/** `/cart`: the lines, flagged when the menu changed under them, and the estimated subtotal. */
export function CartPage() {
  const cart = useCart();
  const navigate = useNavigate();
  const reviews = useCartReview(cart.lines);
  const totals = cartTotals(cart.lines);
  const allReviews = cart.lines.map((l) => reviews.get(l.key) ?? ({ kind: 'checking' } as const));
  const ready = canCheckout(allReviews);
  const problems = allReviews.filter((r) => r.kind !== 'ok' && r.kind !== 'checking').length;

  if (cart.lines.length === 0) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">Your cart</h1>
        <Empty title="Your cart is empty.">
          <Link to="/" className="font-medium text-orange-800 underline">
            Browse the menu
          </Link>
        </Empty>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Your cart</h1>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <ul className="space-y-3" aria-label="Cart lines">
          {cart.lines.map((line) => (
            <CartLineRow key={line.key} line={line} review={reviews.get(line.key) ?? { kind: 'checking' }} />
          ))}
        </ul>
        <section aria-labelledby="summary-heading" className="h-fit space-y-3 rounded-xl border border-stone-200 bg-white p-4">
          <h2 id="summary-heading" className="text-lg font-semibold">
            Summary
          </h2>
          <dl className="flex justify-between">
            <dt>
              Subtotal ({totals.itemCount} {totals.itemCount === 1 ? 'item' : 'items'})
            </dt>
            <dd className="font-semibold">{formatMoney(totals.subtotal)}</dd>
          </dl>
          <p className="text-sm text-stone-600">The kitchen confirms the final total when you place the order.</p>
          {problems > 0 && (
            <p className="text-sm font-medium text-red-700">
              {problems === 1 ? 'One line needs' : `${problems} lines need`} your attention before checkout.
            </p>
          )}
          <Button size="lg" className="w-full" disabled={!ready} onClick={() => void navigate('/checkout')}>
            Go to checkout
          </Button>
          <Link to="/" className={buttonVariants({ variant: 'secondary', className: 'w-full' })}>
            Add more dishes
          </Link>
        </section>
      </div>
    </div>
  );
}

function CartLineRow({ line, review }: { line: CartLine; review: LineReview }) {
  const cart = useCart();
  const flagged = review.kind === 'unavailable' || review.kind === 'short' || review.kind === 'price-changed';
  return (
    <li className={`rounded-xl border bg-white p-3 ${flagged ? 'border-amber-400' : 'border-stone-200'}`}>
      <div className="flex gap-3">
        {line.imageUrl ? (
          <img src={line.imageUrl} alt="" className="h-16 w-16 shrink-0 rounded-lg object-cover" />
        ) : (
          <div aria-hidden="true" className="h-16 w-16 shrink-0 rounded-lg bg-stone-200" />
        )}
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h2 className="font-semibold">
              <Link to={`/product/${line.productId}`} className="hover:underline">
                {line.name}
              </Link>
            </h2>
            <span className="font-semibold">{formatMoney(lineTotal(line))}</span>
          </div>
          {line.modifierNames.length > 0 && <p className="text-sm text-stone-600">{line.modifierNames.join(', ')}</p>}
          {line.note && <p className="text-sm text-stone-600">Note: {line.note}</p>}
          <p className="text-sm text-stone-600">{formatMoney(line.unitPrice)} each</p>
        </div>
      </div>
      {flagged && (
        <div role="alert" className="mt-2 flex flex-wrap items-center gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <AlertTriangle aria-hidden="true" className="h-4 w-4" />
          <span className="font-medium">
            {review.kind === 'price-changed'
              ? `Price changed from ${formatMoney(review.from)} to ${formatMoney(review.to)} each`
              : review.message}
          </span>
          {review.kind === 'price-changed' && (
            <Button size="sm" variant="secondary" onClick={() => cart.update(line.key, { unitPrice: review.to })}>
              Accept new price for {line.name}
            </Button>
          )}
          {review.kind === 'short' && review.available > 0 && (
            <Button size="sm" variant="secondary" onClick={() => cart.setQuantity(line.key, review.available)}>
              Change to {review.available}
            </Button>
          )}
        </div>
      )}
      <div className="mt-3 flex items-center justify-between gap-2">
        <QuantityStepper name={line.name} quantity={line.quantity} onChange={(q) => cart.setQuantity(line.key, q)} />
        <Button variant="ghost" size="sm" onClick={() => cart.remove(line.key)} aria-label={`Remove ${line.name}`}>
          <Trash2 aria-hidden="true" className="h-4 w-4" /> Remove
        </Button>
      </div>
    </li>
  );
}
