import { Minus, Plus } from 'lucide-react';
import { Button } from '../../shared/ui';
import { MAX_QUANTITY } from './cart';

/** − n + for one cart line; the buttons say which dish they change. */
export function QuantityStepper({ name, quantity, onChange, max = MAX_QUANTITY }: { name: string; quantity: number; onChange(q: number): void; max?: number }) {
  return (
    <div role="group" aria-label={`Quantity of ${name}`} className="inline-flex items-center rounded-lg border border-stone-300 bg-white">
      <Button variant="ghost" size="icon" aria-label={`Decrease quantity of ${name}`} onClick={() => onChange(quantity - 1)}>
        <Minus aria-hidden="true" className="h-4 w-4" />
      </Button>
      <span className="w-8 text-center font-medium" aria-live="polite">
        {quantity}
      </span>
      <Button variant="ghost" size="icon" aria-label={`Increase quantity of ${name}`} disabled={quantity >= max} onClick={() => onChange(quantity + 1)}>
        <Plus aria-hidden="true" className="h-4 w-4" />
      </Button>
    </div>
  );
}
