import { Minus, Plus } from 'lucide-react';
import { useId, useState } from 'react';
import { formatMoney } from '../../shared/format/money';
import { Button, TextAreaField } from '../../shared/ui';
import { MAX_QUANTITY, clampQuantity } from '../cart/cart';
import { useCart } from '../cart/cart-context';
import { isSoldOut, type Product } from '../catalog';
import { ModifierGroupField } from './modifier-group-field';
import { groupProblem, isSelectionComplete, optionNames, selectedOptionIds, unitPrice, type Selection } from './modifier-rules';

/** Choices, quantity and note for one product, with the live price and "Add to cart". */
export function ProductConfigurator({ product, onAdded }: { product: Product; onAdded?: () => void }) {
  const cart = useCart();
  const id = useId();
  const [selection, setSelection] = useState<Selection>({});
  const [quantity, setQuantity] = useState(1);
  const [note, setNote] = useState('');
  const soldOut = isSoldOut(product);
  const complete = isSelectionComplete(selection, product.modifierGroups);
  const optionIds = selectedOptionIds(selection, product.modifierGroups);
  const price = unitPrice(product, optionIds);
  const total = { ...price, amount: price.amount * quantity };
  const problems = product.modifierGroups
    .map((g) => ({ group: g, problem: groupProblem(selection, g) }))
    .filter((p): p is { group: typeof p.group; problem: string } => p.problem !== null);
  const tooMany = quantity > product.available;

  const add = () => {
    if (!complete || soldOut || tooMany) return;
    cart.add({
      productId: product.id,
      name: product.name,
      quantity,
      unitPrice: price,
      modifierOptionIds: optionIds,
      modifierNames: optionNames(product, optionIds),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(product.images[0] ? { imageUrl: product.images[0].thumbUrl } : {}),
    });
    setQuantity(1);
    setNote('');
    setSelection({});
    onAdded?.();
  };

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      {product.modifierGroups.map((group) => (
        <ModifierGroupField key={group.id} group={group} selection={selection} onChange={setSelection} />
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <span id={`${id}-qty`} className="font-medium">
          Quantity
        </span>
        <div className="flex items-center rounded-lg border border-stone-300" role="group" aria-labelledby={`${id}-qty`}>
          <Button variant="ghost" size="icon" aria-label="Decrease quantity" disabled={quantity <= 1} onClick={() => setQuantity((q) => clampQuantity(q - 1))}>
            <Minus aria-hidden="true" className="h-4 w-4" />
          </Button>
          <input
            aria-labelledby={`${id}-qty`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_QUANTITY}
            value={quantity}
            onChange={(e) => setQuantity(clampQuantity(Number(e.target.value)))}
            className="w-12 border-x border-stone-300 py-2 text-center [appearance:textfield] focus-visible:outline-2 focus-visible:outline-orange-600"
          />
          <Button
            variant="ghost"
            size="icon"
            aria-label="Increase quantity"
            disabled={quantity >= Math.min(MAX_QUANTITY, Math.max(1, product.available))}
            onClick={() => setQuantity((q) => clampQuantity(q + 1))}
          >
            <Plus aria-hidden="true" className="h-4 w-4" />
          </Button>
        </div>
      </div>
      <TextAreaField label="Note for the kitchen (optional)" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} rows={2} />
      <div id={`${id}-why`} className="text-sm text-red-700">
        {soldOut && <p>Sold out: this item cannot be added right now.</p>}
        {!soldOut && tooMany && <p>Only {product.available} left.</p>}
        {problems.map((p) => (
          <p key={p.group.id}>
            {p.group.name}: {p.problem.toLowerCase()}
          </p>
        ))}
      </div>
      <Button
        type="submit"
        size="lg"
        className="w-full"
        disabled={!complete || soldOut || tooMany}
        aria-describedby={`${id}-why`}
      >
        {soldOut ? 'Add to cart (sold out)' : `Add to cart · ${formatMoney(total)}`}
      </Button>
    </form>
  );
}
