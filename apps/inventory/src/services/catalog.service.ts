import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Money, productArchivedV1, productCreatedV1, ProductCreatedV1, productUpdatedV1 } from '@galley/contracts';
import { OutboxWriter } from '@galley/messaging';
import { INVENTORY_CONFIG } from '../config/inventory-config.token';
import { InventoryConfig } from '../config/inventory-config';
import { categoryOrderProblems } from '../domain/category-order';
import { InventoryError, InventoryErrorCode } from '../domain/inventory-error';
import { ModifierGroupInput, modifierGroupProblems } from '../domain/modifier-rules';
import { moneyProblems } from '../domain/money';
import { assertSearchRequest, decodeSearchCursor, effectiveSort, encodeSearchCursor, PRICE_BAND_BOUNDS, PriceBand, priceBands } from '../domain/product-search';
import { nameHighlights, planQueries, planSearch, queryWords, SearchPlan, TextSpan, vocabularyQuestions } from '../domain/search-text';
import { slugify } from '../domain/slug';
import { CategoryRecord } from '../repositories/categories.repository';
import { InventoryStore, InventoryTransaction } from '../repositories/inventory-store';
import { ProductImageRecord } from '../repositories/product-images.repository';
import { FacetCache } from './facet-cache';
import { ProductAvailability, ProductFields, ProductFilter, ProductRecord, StoredModifierGroup } from '../repositories/products.repository';

export interface NewCategory {
  name: string;
  slug?: string;
  parentId?: string | null;
}

export interface NewProduct {
  name: string;
  description: string;
  categoryId: string;
  price: Money;
  sku?: string | null;
  tags?: string[];
  modifierGroups?: ModifierGroupInput[];
  /** Default true. */
  onSale?: boolean;
  /** Default DEFAULT_PREPARATION_MINUTES. */
  preparationMinutes?: number;
}

/** Minutes the kitchen needs for a product when staff do not say. */
export const DEFAULT_PREPARATION_MINUTES = 10;
/** Most products a snapshot of availability holds (a menu is far smaller; the rest follows with the cursor). */
export const MAX_AVAILABILITY_PAGE = 5000;

export type ProductChanges = Partial<NewProduct>;

export interface ProductQuery {
  q?: string;
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  sort?: string;
  limit: number;
  cursor?: string;
}

export interface ProductFacets {
  categories: { id: string; slug: string; name: string; count: number }[];
  priceBands: (PriceBand & { count: number })[];
}

/** A product as clients read it: the stored record with its pictures. */
export interface ProductView extends ProductRecord {
  images: ProductImageRecord[];
}

export interface ProductPage {
  items: (ProductView & { nameHighlights: TextSpan[] })[];
  /** The query as understood when a word was corrected or split; null otherwise. */
  correctedQuery: string | null;
  nextCursor: string | null;
  facets: ProductFacets;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Categories and products: every product change is announced through the outbox. */
@Injectable()
export class CatalogService {
  private readonly facetCache = new FacetCache();

  constructor(
    private readonly store: InventoryStore,
    private readonly outbox: OutboxWriter,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
  ) {}

  listCategories(): Promise<CategoryRecord[]> {
    return this.store.read.categories.list();
  }

  createCategory(input: NewCategory): Promise<CategoryRecord> {
    return this.store.transaction((tx) => this.createCategoryIn(tx, input));
  }

  /** Puts the categories in the order of `ids`, which must name every category once; nothing changes otherwise. */
  reorderCategories(ids: readonly string[]): Promise<CategoryRecord[]> {
    return this.store.transaction(async (tx) => {
      const problems = categoryOrderProblems(await tx.categories.lockAllIds(), ids);
      if (problems.length > 0) throw new InventoryError(InventoryErrorCode.InvalidInput, problems.join('; '));
      await tx.categories.setPositions(ids);
      return tx.categories.list();
    });
  }

  /** Adds a category inside the caller's transaction (the demo menu loads everything in one). */
  async createCategoryIn(tx: InventoryTransaction, input: NewCategory): Promise<CategoryRecord> {
    const slug = input.slug ?? slugify(input.name);
    if (!slug) throw new InventoryError(InventoryErrorCode.InvalidInput, 'slug must be given when name has no letters or digits to make one from');
    if (input.parentId && !(await tx.categories.findById(input.parentId))) {
      throw new InventoryError(InventoryErrorCode.UnknownParentCategory, 'parentId names no category');
    }
    const created = await tx.categories.insert({ id: randomUUID(), name: input.name, slug, parentId: input.parentId ?? null });
    if (!created) throw new InventoryError(InventoryErrorCode.SlugTaken, `slug "${slug}" is taken by another category`);
    return created;
  }

  async getProduct(id: string): Promise<ProductView> {
    const product = await this.store.read.products.findById(id);
    if (!product || product.archivedAt) throw productNotFound();
    const images = await this.store.read.images.ofProducts([id]);
    return { ...product, images: images.get(id) ?? [] };
  }

  /**
   * Live products matching the query, one keyset page at a time, with facet counts over all the
   * matches. `category` is an id or a slug and includes its subcategories; without `q` or `sort`
   * the list is newest first.
   */
  async listProducts(query: ProductQuery): Promise<ProductPage> {
    assertSearchRequest(query);
    const sort = effectiveSort(query);
    const after = query.cursor === undefined ? undefined : decodeSearchCursor(query.cursor, sort);
    const filter: ProductFilter = { q: query.q, minPrice: query.minPrice, maxPrice: query.maxPrice, inStock: query.inStock };
    const nothing: ProductPage = { items: [], correctedQuery: null, nextCursor: null, facets: { categories: [], priceBands: priceBands().map((band) => ({ ...band, count: 0 })) } };
    let plan: SearchPlan | null = null;
    if (query.q !== undefined) {
      const words = queryWords(query.q);
      const facts = await this.store.read.search.facts({ ...vocabularyQuestions(words), prefixOf: words.lastIsPrefix ? words.words[words.words.length - 1] : null });
      plan = planSearch(words, facts, { oneTypoFrom: this.config.SEARCH_ONE_TYPO_FROM, twoTyposFrom: this.config.SEARCH_TWO_TYPOS_FROM });
      if (!plan) return nothing; // a q of punctuation only has no word to match
      filter.text = { ...planQueries(plan), firstWord: plan.firstWord };
    }
    if (query.category !== undefined) {
      const category = await this.store.read.categories.findByIdOrSlug(query.category, UUID.test(query.category));
      if (!category) return { ...nothing, correctedQuery: plan?.correctedQuery ?? null };
      filter.categoryIds = await this.store.read.categories.subtreeIds(category.id);
    }
    const products = this.store.read.products;
    const cached = this.facetCache.peek(filter);
    const { rows, facets: counts } = cached
      ? { rows: await products.search(filter, sort, after, query.limit + 1), facets: cached }
      : await products.searchWithFacets(filter, sort, after, query.limit + 1, PRICE_BAND_BOUNDS);
    if (!cached) this.facetCache.remember(filter, counts);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const bandCounts = new Map(counts.priceBands.map((band) => [band.band, band.count]));
    const images = await this.store.read.images.ofProducts(page.map((row) => row.id));
    return {
      items: page.map(({ sortKeys: _sortKeys, ...product }) => ({
        ...product,
        images: images.get(product.id) ?? [],
        nameHighlights: plan ? nameHighlights(product.name, plan) : [],
      })),
      correctedQuery: plan?.correctedQuery ?? null,
      nextCursor: rows.length > query.limit && last ? encodeSearchCursor({ sort, keys: last.sortKeys, id: last.id }) : null,
      facets: { categories: counts.categories, priceBands: priceBands().map((band, index) => ({ ...band, count: bandCounts.get(index) ?? 0 })) },
    };
  }

  /** Sellable stock and on-sale flag of every live product, in id order, a keyset page at a time (a menu fits one page). */
  async availability(options: { cursor?: string; limit: number }): Promise<{ items: ProductAvailability[]; nextCursor: string | null }> {
    if (options.cursor !== undefined && !UUID.test(options.cursor)) throw new InventoryError(InventoryErrorCode.InvalidCursor, 'cursor must be the nextCursor of a previous page');
    const limit = Math.min(options.limit, MAX_AVAILABILITY_PAGE);
    const rows = await this.store.read.products.availability({ after: options.cursor, limit: limit + 1 });
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].productId : null };
  }

  async createProduct(input: NewProduct): Promise<ProductView> {
    const id = await this.store.transaction((tx) => this.createProductIn(tx, input));
    return this.getProduct(id);
  }

  /** Adds a product (no stock yet) and announces it, inside the caller's transaction; returns its id. */
  async createProductIn(tx: InventoryTransaction, input: NewProduct): Promise<string> {
    const fields = this.checked({ ...input, sku: input.sku ?? null, tags: input.tags ?? [] }, undefined);
    const id = randomUUID();
    await this.requireCategory(tx, fields.categoryId);
    const saved = await tx.products.insert(id, fields);
    if (!saved.ok) throw skuTaken(fields.sku);
    await tx.stock.create(id);
    await this.outbox.append(tx.sql, productCreatedV1, { aggregateId: id, payload: productPayload(id, fields) });
    return id;
  }

  async updateProduct(id: string, changes: ProductChanges): Promise<ProductView> {
    await this.store.transaction(async (tx) => {
      const current = await tx.products.lockById(id);
      if (!current || current.archivedAt) throw productNotFound();
      const merged: NewProduct = {
        name: changes.name ?? current.name,
        description: changes.description ?? current.description,
        categoryId: changes.categoryId ?? current.categoryId,
        price: changes.price ?? { amount: current.priceAmount, currency: current.currency },
        sku: changes.sku === undefined ? current.sku : changes.sku,
        tags: changes.tags ?? current.tags,
        modifierGroups: changes.modifierGroups ?? current.modifierGroups,
        onSale: changes.onSale ?? current.onSale,
        preparationMinutes: changes.preparationMinutes ?? current.preparationMinutes,
      };
      const fields = this.checked(merged, changes.modifierGroups === undefined ? current.modifierGroups : undefined);
      if (changes.categoryId !== undefined) await this.requireCategory(tx, fields.categoryId);
      const saved = await tx.products.update(id, fields);
      if (!saved.ok) throw skuTaken(fields.sku);
      await this.outbox.append(tx.sql, productUpdatedV1, { aggregateId: id, payload: productPayload(id, fields) });
    });
    return this.getProduct(id);
  }

  /** Deleting archives: the product leaves listings, but old orders and reviews still resolve it. */
  async archiveProduct(id: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const current = await tx.products.lockById(id);
      if (!current || current.archivedAt) throw productNotFound();
      await tx.products.archive(id);
      await this.outbox.append(tx.sql, productArchivedV1, { aggregateId: id, payload: { productId: id } });
    });
  }

  /** Validates the rules that need the store's settings; keeps the stored modifier ids when given. */
  private checked(input: NewProduct, keepGroups: StoredModifierGroup[] | undefined): ProductFields {
    const groups = input.modifierGroups ?? [];
    const problems = [...moneyProblems('price', input.price, this.config.GALLEY_CURRENCY), ...modifierGroupProblems(groups, this.config.GALLEY_CURRENCY)];
    if (problems.length > 0) throw new InventoryError(InventoryErrorCode.InvalidInput, problems.join('; '));
    return {
      name: input.name,
      description: input.description,
      categoryId: input.categoryId,
      priceAmount: input.price.amount,
      currency: input.price.currency,
      sku: input.sku ?? null,
      tags: [...new Set(input.tags ?? [])],
      modifierGroups: keepGroups ?? groups.map(withIds),
      onSale: input.onSale ?? true,
      preparationMinutes: input.preparationMinutes ?? DEFAULT_PREPARATION_MINUTES,
    };
  }

  private async requireCategory(tx: InventoryTransaction, categoryId: string): Promise<void> {
    if (!(await tx.categories.findById(categoryId))) throw new InventoryError(InventoryErrorCode.UnknownCategory, 'categoryId names no category');
  }
}

function withIds(group: ModifierGroupInput): StoredModifierGroup {
  return {
    id: randomUUID(),
    name: group.name,
    minSelect: group.minSelect,
    maxSelect: group.maxSelect,
    options: group.options.map((option) => ({ id: randomUUID(), name: option.name, priceDelta: { ...option.priceDelta } })),
  };
}

function productPayload(id: string, fields: ProductFields): ProductCreatedV1 {
  return {
    productId: id,
    name: fields.name,
    categoryId: fields.categoryId,
    price: { amount: fields.priceAmount, currency: fields.currency },
    modifierGroups: fields.modifierGroups,
    ...(fields.sku === null ? {} : { sku: fields.sku }),
    onSale: fields.onSale,
    preparationMinutes: fields.preparationMinutes,
  };
}

function productNotFound(): InventoryError {
  return new InventoryError(InventoryErrorCode.ProductNotFound, 'No such product');
}

function skuTaken(sku: string | null): InventoryError {
  return new InventoryError(InventoryErrorCode.SkuTaken, `sku "${sku}" is used by another product`);
}
