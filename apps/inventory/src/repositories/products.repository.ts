import { EntityManager } from 'typeorm';
import { ProductSort, SearchPosition } from '../domain/product-search';
import { PlanQueries } from '../domain/search-text';
import { isUniqueViolation, queryRow, queryRows } from '@galley/platform';

export interface StoredModifierOption {
  id: string;
  name: string;
  priceDelta: { amount: number; currency: string };
}

export interface StoredModifierGroup {
  id: string;
  name: string;
  minSelect: number;
  maxSelect: number;
  options: StoredModifierOption[];
}

export interface ProductFields {
  name: string;
  description: string;
  categoryId: string;
  priceAmount: number;
  currency: string;
  sku: string | null;
  tags: string[];
  modifierGroups: StoredModifierGroup[];
  /** False: staff took it off sale (listed as unavailable, not orderable). */
  onSale: boolean;
  preparationMinutes: number;
}

export interface ProductRecord extends ProductFields {
  id: string;
  archivedAt: Date | null;
  createdAt: Date;
  onHand: number;
  reserved: number;
  ratingAverage: number;
  ratingCount: number;
}

/** What a search matches; every field is optional and they all apply together. */
export interface ProductFilter {
  /** The query as typed (the facet cache's key); `text` is what is matched. */
  q?: string;
  /** The full-text queries of the search plan made from `q` (see domain/search-text). */
  text?: TextMatch;
  categoryIds?: string[];
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
}

export interface TextMatch extends PlanQueries {
  firstWord: string;
}

/** A product of a search page with the values of its sort key, for the next cursor. */
export interface SearchRow extends ProductRecord {
  sortKeys: (number | string)[];
}

export interface FacetCounts {
  categories: { id: string; slug: string; name: string; count: number }[];
  /** Counts per band index of `priceBandBounds` (0 below the first bound). */
  priceBands: { band: number; count: number }[];
}

const COLUMNS = `p.id, p.name, p.description, p.category_id, p.price_amount, p.currency, p.sku, p.tags, p.modifier_groups, p.archived_at,
  p.created_at, COALESCE(s.on_hand, 0) AS on_hand, COALESCE(s.reserved, 0) AS reserved, p.rating_average::float8 AS rating_average,
  p.rating_count, p.on_sale, p.preparation_minutes`;
const FROM = `inventory.products p LEFT JOIN inventory.stock_levels s ON s.product_id = p.id`;

export type SaveResult = { ok: true } | { ok: false; conflict: 'sku' };

/** Queries on `inventory.products` (with the stock level joined for reads); no rules. */
export class ProductsRepository {
  constructor(private readonly manager: EntityManager) {}

  async findById(id: string): Promise<ProductRecord | null> {
    return queryRow<ProductRecord>(this.manager, `SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = $1`, [id]);
  }

  /** Locks the product row for a change in this transaction. */
  async lockById(id: string): Promise<ProductRecord | null> {
    return queryRow<ProductRecord>(this.manager, `SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = $1 FOR UPDATE OF p`, [id]);
  }

  /**
   * Live products matching the filter in the sort's order, after the keyset position. The order is
   * the sort key then the id, both in the sort's direction, so a row comparison with the last row's
   * values continues exactly where the previous page ended whatever was added or archived since.
   */
  async search(filter: ProductFilter, sort: ProductSort, after: SearchPosition | undefined, limit: number): Promise<SearchRow[]> {
    const query = searchQuery(filter, sort, after, limit);
    const rows = await this.planned(filter, (manager) =>
      queryRows<ProductRecord & Record<string, number | string>>(manager, `${query.page(`(${query.matched})`)} ORDER BY ${query.outerOrder('top')}`, query.params),
    );
    return rows.map((row) => query.toSearchRow(row));
  }

  /**
   * A search page and the facet counts of all its matches in one statement: the matches (index
   * scans, rechecks, sort keys) are computed once and both the page and the counts read them, which
   * halves the work of a ranked query against running `search` and `facets` side by side.
   */
  async searchWithFacets(
    filter: ProductFilter,
    sort: ProductSort,
    after: SearchPosition | undefined,
    limit: number,
    priceBandBounds: readonly number[],
  ): Promise<{ rows: SearchRow[]; facets: FacetCounts }> {
    const query = searchQuery(filter, sort, after, limit);
    query.params.push(priceBandBounds);
    const bounds = `$${query.params.length}::bigint[]`;
    const rows = await this.planned(filter, (manager) =>
      queryRows<{ facetRows: FacetRow[] | null } & Partial<ProductRecord> & Record<string, unknown>>(
        manager,
        `WITH matched AS MATERIALIZED (${query.matched}),
         facet_rows AS (
           SELECT json_agg(f) AS rows FROM (
             SELECT category_id AS "categoryId", width_bucket(price_amount, ${bounds}) AS band, count(*)::int AS count FROM matched
             GROUP BY GROUPING SETS ((category_id), (width_bucket(price_amount, ${bounds})))
           ) f
         )
         SELECT facet_rows.rows AS facet_rows, page.* FROM facet_rows LEFT JOIN LATERAL (${query.page('matched')}) page ON true
         ORDER BY ${query.outerOrder('page')}`,
        query.params,
      ),
    );
    const facets = await this.facetCountsOf(rows[0]?.facetRows ?? []);
    const items = rows.filter((row) => row.id !== null && row.id !== undefined);
    return {
      rows: items.map(({ facetRows: _facetRows, ...row }) => query.toSearchRow(row as ProductRecord & Record<string, number | string>)),
      facets,
    };
  }

  /** How many products matching the filter fall in each category and each price band. */
  async facets(filter: ProductFilter, priceBandBounds: readonly number[]): Promise<FacetCounts> {
    const params: unknown[] = [];
    const where = matchConditions(filter, params);
    params.push(priceBandBounds);
    const rows = await this.planned(filter, (manager) =>
      queryRows<FacetRow>(
        manager,
        `SELECT p.category_id, width_bucket(p.price_amount, $${params.length}::bigint[]) AS band, count(*)::int AS count
         FROM ${matchFrom(filter)} WHERE ${where.join(' AND ')}
         GROUP BY GROUPING SETS ((p.category_id), (width_bucket(p.price_amount, $${params.length}::bigint[])))`,
        params,
      ),
    );
    return this.facetCountsOf(rows);
  }

  private async facetCountsOf(rows: FacetRow[]): Promise<FacetCounts> {
    const categoryIds = rows.filter((row) => row.categoryId !== null).map((row) => row.categoryId as string);
    const categories = categoryIds.length
      ? await queryRows<{ id: string; slug: string; name: string }>(this.manager, `SELECT id, slug, name FROM inventory.categories WHERE id = ANY($1::uuid[])`, [categoryIds])
      : [];
    const countOf = new Map(rows.filter((row) => row.categoryId !== null).map((row) => [row.categoryId as string, row.count]));
    return {
      categories: categories
        .map((category) => ({ ...category, count: countOf.get(category.id) ?? 0 }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
      priceBands: rows.filter((row) => row.categoryId === null && row.band !== null).map((row) => ({ band: row.band as number, count: row.count })),
    };
  }

  /**
   * Runs a text search so that it reads through the GIN indexes. The planner costs the trigram
   * operator like a cheap comparison, so once a query matches a few percent of a large catalog it
   * prefers a sequential scan that computes trigrams for every row (measured at 100k products:
   * 250 ms against 40 ms for the BitmapOr of both indexes, see docs/search.md). SET LOCAL keeps
   * the setting to this read's own transaction.
   */
  private planned<T>(filter: ProductFilter, read: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (filter.text === undefined) return read(this.manager);
    return this.manager.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      return read(manager);
    });
  }

  async insert(id: string, fields: ProductFields): Promise<SaveResult> {
    try {
      await this.manager.query(
        `INSERT INTO inventory.products (id, name, description, category_id, price_amount, currency, sku, tags, modifier_groups, on_sale, preparation_minutes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        fieldValues(id, fields),
      );
      return { ok: true };
    } catch (error) {
      if (isUniqueViolation(error, 'products_sku_key')) return { ok: false, conflict: 'sku' };
      throw error;
    }
  }

  async update(id: string, fields: ProductFields): Promise<SaveResult> {
    try {
      await this.manager.query(
        `UPDATE inventory.products SET name = $2, description = $3, category_id = $4, price_amount = $5, currency = $6, sku = $7,
           tags = $8, modifier_groups = $9, on_sale = $10, preparation_minutes = $11, updated_at = now()
         WHERE id = $1`,
        fieldValues(id, fields),
      );
      return { ok: true };
    } catch (error) {
      if (isUniqueViolation(error, 'products_sku_key')) return { ok: false, conflict: 'sku' };
      throw error;
    }
  }

  /**
   * Stores a product's rating aggregate unless a newer one is already stored (`changedAt` is the
   * event's occurredAt). 'unknown' when no product has this id.
   */
  async applyRating(id: string, rating: { average: number; count: number; changedAt: Date }): Promise<'applied' | 'stale' | 'unknown'> {
    const rows = await queryRows<{ applied: boolean; known: boolean }>(
      this.manager,
      `WITH changed AS (
         UPDATE inventory.products SET rating_average = $2, rating_count = $3, rating_changed_at = $4
          WHERE id = $1 AND (rating_changed_at IS NULL OR rating_changed_at <= $4)
         RETURNING id
       ) SELECT EXISTS (SELECT 1 FROM changed) AS applied, EXISTS (SELECT 1 FROM inventory.products WHERE id = $1) AS known`,
      [id, rating.average, rating.count, rating.changedAt],
    );
    const [row] = rows;
    return row.applied ? 'applied' : row.known ? 'stale' : 'unknown';
  }

  /** Sellable stock and on-sale flag of live products in id order, after a product id (keyset). */
  availability(options: { after?: string; limit: number }): Promise<ProductAvailability[]> {
    return queryRows<ProductAvailability>(
      this.manager,
      `SELECT p.id AS product_id, GREATEST(COALESCE(s.on_hand, 0) - COALESCE(s.reserved, 0), 0)::int AS available, p.on_sale
         FROM ${FROM}
        WHERE p.archived_at IS NULL AND ($1::uuid IS NULL OR p.id > $1::uuid)
        ORDER BY p.id
        LIMIT $2`,
      [options.after ?? null, options.limit],
    );
  }

  async archive(id: string): Promise<void> {
    await this.manager.query(`UPDATE inventory.products SET archived_at = now(), updated_at = now() WHERE id = $1 AND archived_at IS NULL`, [id]);
  }
}

export interface ProductAvailability {
  productId: string;
  available: number;
  onSale: boolean;
}

function fieldValues(id: string, fields: ProductFields): unknown[] {
  return [
    id,
    fields.name,
    fields.description,
    fields.categoryId,
    fields.priceAmount,
    fields.currency,
    fields.sku,
    fields.tags,
    JSON.stringify(fields.modifierGroups),
    fields.onSale,
    fields.preparationMinutes,
  ];
}

/** One row of a facet count: per category (band null) or per price band (category null). */
interface FacetRow {
  categoryId: string | null;
  band: number | null;
  count: number;
}

/**
 * The SQL pieces of a search: `matched` selects the id, category, price and sort keys of every
 * match; `page(source)` keeps the page of a source of such rows (after the keyset position) and
 * only then reads those rows in full with their stock levels (a ranked query over a thousand
 * matches otherwise looks up a thousand stock rows and sorts wide rows to keep twenty).
 */
function searchQuery(filter: ProductFilter, sort: ProductSort, after: SearchPosition | undefined, limit: number) {
  if (sort === 'relevance' && filter.text === undefined) throw new Error('relevance needs a q to rank by');
  const params: unknown[] = [];
  const where = matchConditions(filter, params);
  const keys = sortKeyColumns(sort, filter, params);
  const descending = sort === 'relevance' || sort === '-price' || sort === 'rating' || sort === 'newest';
  const direction = descending ? 'DESC' : 'ASC';
  const keyNames = keys.map((_key, index) => `k${index}`);
  let keyset = '';
  if (after) {
    const placeholders = keys.map((key, index) => {
      params.push(after.keys[index]);
      return `$${params.length}::${key.type}`;
    });
    params.push(after.id);
    keyset = `WHERE (${[...keyNames, 'id'].join(', ')}) ${descending ? '<' : '>'} (${placeholders.join(', ')}, $${params.length}::uuid)`;
  }
  params.push(limit);
  const limitParam = `$${params.length}`;
  const matched = `SELECT p.id, p.category_id, p.price_amount, ${keys.map((key, index) => `${key.sql} AS k${index}`).join(', ')}
    FROM ${matchFrom(filter)} WHERE ${where.join(' AND ')}`;
  return {
    params,
    matched,
    page: (source: string) =>
      `SELECT ${COLUMNS}, ${keyNames.map((name) => `top.${name}`).join(', ')}
       FROM (
         SELECT * FROM ${source} matched_rows ${keyset}
         ORDER BY ${[...keyNames, 'id'].map((name) => `${name} ${direction}`).join(', ')}
         LIMIT ${limitParam}
       ) top JOIN ${FROM} ON p.id = top.id`,
    outerOrder: (alias: string) => [...keyNames, 'id'].map((name) => `${alias}.${name} ${direction}`).join(', '),
    toSearchRow: (row: ProductRecord & Record<string, number | string>): SearchRow => {
      const sortKeys = keyNames.map((name) => cursorValue(row[name]));
      for (const name of keyNames) delete row[name];
      return { ...row, sortKeys };
    },
  };
}

/** What a filter matches over: stock levels are joined only when the filter reads them. */
function matchFrom(filter: ProductFilter): string {
  return filter.inStock ? FROM : 'inventory.products p';
}

/**
 * WHERE conditions of a filter, pushing their parameters. A text query matches the stored
 * `search_doc` (folded words and english stems of name, tags and description, GIN index) with the
 * plan's tsquery: every query word by one of its alternatives.
 */
function matchConditions(filter: ProductFilter, params: unknown[]): string[] {
  const where = ['p.archived_at IS NULL'];
  if (filter.text !== undefined) {
    params.push(filter.text.match);
    where.push(`p.search_doc @@ $${params.length}::tsquery`);
  }
  if (filter.categoryIds) {
    params.push(filter.categoryIds);
    where.push(`p.category_id = ANY($${params.length}::uuid[])`);
  }
  if (filter.minPrice !== undefined) {
    params.push(filter.minPrice);
    where.push(`p.price_amount >= $${params.length}`);
  }
  if (filter.maxPrice !== undefined) {
    params.push(filter.maxPrice);
    where.push(`p.price_amount <= $${params.length}`);
  }
  if (filter.inStock) where.push(`COALESCE(s.on_hand, 0) - COALESCE(s.reserved, 0) > 0`);
  return where;
}

/**
 * The SQL of each sort key and the type its cursor value is cast back to. Relevance is one number
 * whose digit blocks are the ranking rules in order (docs/search.md): exact name words (the word
 * being typed counts as a prefix), words without typos, proximity and prefix (all words next to
 * each other in the name; the name starts with the first word or what it was taken for), words in
 * the name, words in the tags, whole words in the name (exactness), then rating and units sold as
 * tie-breakers. A block counts at most 8 (the query words), so it never spills into the next.
 */
function sortKeyColumns(sort: ProductSort, filter: ProductFilter, params: unknown[]): { sql: string; type: string }[] {
  switch (sort) {
    case 'relevance': {
      const text = filter.text!; // relevance is only asked for with a q
      const matches = (queries: string[]) =>
        queries
          .map((query) => {
            params.push(query);
            return `(p.search_doc @@ $${params.length}::tsquery)::int`;
          })
          .join(' + ');
      const exact = matches(text.exactInName);
      const whole = matches(text.wordsInName);
      const withoutTypo = matches(text.withoutTypo);
      const inName = matches(text.inName);
      const inTags = matches(text.inTags);
      const phrase = text.phraseInName === null ? '0' : matches([text.phraseInName]);
      // Lexemes are letters and digits only (domain/search-text), so they are LIKE patterns as they are.
      params.push(text.nameStarts.map((word) => `${word}%`));
      const starts = `(p.search_name LIKE ANY ($${params.length}::text[]))::int`;
      return [
        {
          sql: `((${exact}) * 1e9 + (${withoutTypo}) * 1e8 + (${phrase} + ${starts}) * 1e7 + (${inName}) * 1e6 + (${inTags}) * 1e5
                 + (${whole}) * 1e4 + floor(least(p.rating_average, 5) * 100) * 10 + p.units_sold::float8 / (p.units_sold + 1) * 9)::float8`,
          type: 'float8',
        },
      ];
    }
    case 'price':
    case '-price':
      return [{ sql: 'p.price_amount', type: 'bigint' }];
    case 'rating':
      return [
        { sql: 'p.rating_average', type: 'numeric' },
        { sql: 'p.rating_count', type: 'int' },
      ];
    case 'newest':
      return [{ sql: 'p.created_at', type: 'timestamptz' }];
    default:
      return unknownSort(sort);
  }
}

function unknownSort(sort: never): never {
  throw new Error(`unknown sort ${String(sort)}`);
}

/**
 * A sort key value as a cursor holds it: bigints as the numbers they arrive as (minor units are safe integers),
 * numerics as their exact decimal text, timestamps as ISO-8601.
 */
function cursorValue(value: unknown): number | string {
  if (value instanceof Date) return value.toISOString();
  return value as number | string;
}
