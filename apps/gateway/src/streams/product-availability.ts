import {
  productArchivedV1,
  ProductArchivedV1,
  productCreatedV1,
  ProductCreatedV1,
  productUpdatedV1,
  ProductUpdatedV1,
  stockChangedV1,
  StockChangedV1,
  validatePayload,
} from '@galley/contracts';

/** One product's availability as the stream carries it: the `data:` of an `event: availability`. */
export interface ProductAvailability {
  productId: string;
  /** Sellable stock (onHand - reserved). */
  available: number;
  onSale: boolean;
  archived: boolean;
}

/** The inventory events that move availability, validated against their contracts. */
export type AvailabilityFact =
  | { type: 'stock.changed'; payload: StockChangedV1 }
  | { type: 'product.created'; payload: ProductCreatedV1 }
  | { type: 'product.updated'; payload: ProductUpdatedV1 }
  | { type: 'product.archived'; payload: ProductArchivedV1 };

const CONTRACTS = [stockChangedV1, productCreatedV1, productUpdatedV1, productArchivedV1] as const;

/** The fact in an inventory.events message; undefined for other types, versions or payloads that break their contract. */
export function availabilityFactOf(envelope: { type?: unknown; version?: unknown; payload?: unknown }): AvailabilityFact | undefined {
  const contract = CONTRACTS.find((candidate) => candidate.type === envelope.type && candidate.version === envelope.version);
  if (!contract || !validatePayload(contract, envelope.payload).ok) return undefined;
  return { type: contract.type, payload: envelope.payload } as AvailabilityFact;
}

/**
 * A product's availability after a fact, from what was known before (undefined: nothing). Each event carries only
 * part of the picture (stock.changed the stock, product.updated the on-sale flag), so the rest comes from `known`;
 * all events of a product share one partition, so a product's facts arrive in order. Consumers read tolerantly: a
 * product event without `onSale` is on sale.
 */
export function nextAvailability(known: ProductAvailability | undefined, fact: AvailabilityFact): ProductAvailability {
  switch (fact.type) {
    case 'stock.changed':
      return { productId: fact.payload.productId, available: fact.payload.available, onSale: known?.onSale ?? true, archived: known?.archived ?? false };
    case 'product.created':
      // A new product has no stock yet.
      return { productId: fact.payload.productId, available: known?.available ?? 0, onSale: fact.payload.onSale ?? true, archived: false };
    case 'product.updated':
      return { productId: fact.payload.productId, available: known?.available ?? 0, onSale: fact.payload.onSale ?? true, archived: known?.archived ?? false };
    case 'product.archived':
      return { productId: fact.payload.productId, available: known?.available ?? 0, onSale: known?.onSale ?? true, archived: true };
    default:
      return unknownFact(fact);
  }
}

function unknownFact(fact: never): never {
  throw new Error(`unknown availability fact ${JSON.stringify(fact)}`);
}
