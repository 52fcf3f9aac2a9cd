import { InventoryError, InventoryErrorCode } from './inventory-error';

/**
 * The orders `GET /api/products` can list in. `relevance` needs a text query; `newest` is the
 * listing's order when neither `q` nor `sort` is given (what a storefront shows first).
 */
export type ProductSort = 'relevance' | 'price' | '-price' | 'rating' | 'newest';
export const PUBLIC_SORTS = ['relevance', 'price', '-price', 'rating', 'newest'] as const;

/** What each sort key is, so that a cursor can be checked before it reaches SQL. */
type KeyKind = 'number' | 'decimal' | 'timestamp';
const SORT_KEYS: Record<ProductSort, KeyKind[]> = {
  relevance: ['number'],
  price: ['number'],
  '-price': ['number'],
  rating: ['decimal', 'number'],
  newest: ['timestamp'],
};

/** Fixed price bands (minor units, lower bound inclusive, upper exclusive); the last is open. */
export const PRICE_BAND_BOUNDS = [500, 1000, 2000, 5000] as const;

export interface PriceBand {
  min: number;
  max: number | null;
}

export function priceBands(): PriceBand[] {
  const bounds = [0, ...PRICE_BAND_BOUNDS];
  return bounds.map((min, index) => ({ min, max: bounds[index + 1] ?? null }));
}

export interface SearchRequest {
  q?: string;
  sort?: string;
  minPrice?: number;
  maxPrice?: number;
}

/** The sort a request lists in: the one asked for, else relevance with a query, else newest first. */
export function effectiveSort(request: SearchRequest): ProductSort {
  if (request.sort !== undefined) return request.sort as ProductSort;
  return request.q ? 'relevance' : 'newest';
}

/** Rules across fields that per-field validation cannot see; each problem names its field. */
export function searchRequestProblems(request: SearchRequest): string[] {
  const problems: string[] = [];
  if (request.sort !== undefined && !(PUBLIC_SORTS as readonly string[]).includes(request.sort)) {
    problems.push(`sort must be one of ${PUBLIC_SORTS.join(', ')}`);
  }
  if (request.sort === 'relevance' && !request.q) problems.push('sort=relevance needs a q to rank by');
  if (request.minPrice !== undefined && request.maxPrice !== undefined && request.minPrice > request.maxPrice) {
    problems.push('minPrice must not be greater than maxPrice');
  }
  return problems;
}

export function assertSearchRequest(request: SearchRequest): void {
  const problems = searchRequestProblems(request);
  if (problems.length > 0) throw new InventoryError(InventoryErrorCode.InvalidInput, problems.join('; '));
}

/** Where a keyset page ends: the last row's sort key values and its id, for the sort it was made in. */
export interface SearchPosition {
  sort: ProductSort;
  keys: (number | string)[];
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^-?\d{1,20}(\.\d{1,20})?$/;

export function encodeSearchCursor(position: SearchPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.keys, position.id])).toString('base64url');
}

function keyFits(kind: KeyKind, value: unknown): boolean {
  switch (kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'decimal':
      return typeof value === 'string' && DECIMAL.test(value);
    case 'timestamp':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value);
    default:
      return unknownKind(kind);
  }
}

function unknownKind(kind: never): never {
  throw new Error(`unknown sort key kind ${String(kind)}`);
}

/**
 * The position a client's cursor names, for the sort of this request; a cursor the service did
 * not make, or made for another sort, is an InventoryError naming `cursor`.
 */
export function decodeSearchCursor(cursor: string, sort: ProductSort): SearchPosition {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (Array.isArray(value) && value.length === 3) {
    const [cursorSort, keys, id] = value as unknown[];
    const kinds = SORT_KEYS[sort];
    if (
      cursorSort === sort &&
      Array.isArray(keys) &&
      keys.length === kinds.length &&
      kinds.every((kind, index) => keyFits(kind, keys[index])) &&
      typeof id === 'string' &&
      UUID.test(id)
    ) {
      return { sort, keys: keys as (number | string)[], id };
    }
  }
  throw new InventoryError(InventoryErrorCode.InvalidCursor, 'cursor is not a cursor this list returned for this sort');
}
