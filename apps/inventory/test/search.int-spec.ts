import { DataSource } from 'typeorm';
import { PRICE_BAND_BOUNDS, ProductSort, SearchPosition } from '../src/domain/product-search';
import { DEFAULT_TYPO_SETTINGS, planQueries, planSearch, queryWords } from '../src/domain/search-text';
import { ProductFilter, ProductsRepository } from '../src/repositories/products.repository';
import { InventoryTestApp } from './inventory-test-app';

describe('inventory product search (GET /api/products)', () => {
  let sut: InventoryTestApp;
  let admin: string;

  beforeAll(async () => {
    sut = await InventoryTestApp.start();
    admin = await sut.token('admin');
  });

  afterAll(async () => {
    await sut?.close();
  });

  const usd = (amount: number) => ({ amount, currency: 'USD' });
  const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);
  const list = async (query: Record<string, string | number>) => (await sut.http.get('/api/products').query(query).expect(200)).body;

  /** The full-text queries of a plain query (every word known as typed), as the service makes them. */
  const textOf = (q: string) => {
    const plan = planSearch(
      queryWords(q),
      { known: new Set(queryWords(q).words), lastHasLongerWords: false, stems: new Map(), neighbours: new Map(), synonyms: [] },
      DEFAULT_TYPO_SETTINGS,
    )!;
    return { ...planQueries(plan), firstWord: plan.firstWord };
  };

  /** Every page of a query, following nextCursor; `between` runs before each page after the first. */
  async function allPages(query: Record<string, string | number>, between: (page: number) => Promise<void> = async () => {}): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    let page = 0;
    do {
      if (page > 0) await between(page);
      const body = await list({ ...query, ...(cursor ? { cursor } : {}) });
      seen.push(...ids(body));
      cursor = body.nextCursor;
      page += 1;
    } while (cursor && page < 50);
    return seen;
  }

  it('ranks a name match above a tag match above a description-only match', async () => {
    const { id: categoryId } = await sut.category();
    const inDescription = await sut.product(0, { categoryId, name: 'Garlic bread', description: 'Goes well with a margherita' });
    const inTags = await sut.product(0, { categoryId, name: 'House special', description: 'Ask the chef', tags: ['margherita'] });
    const inName = await sut.product(0, { categoryId, name: 'Margherita', description: 'Tomato, mozzarella, basil' });
    const body = await list({ q: 'margherita', category: categoryId });
    expect(ids(body)).toEqual([inName.id, inTags.id, inDescription.id]);
  });

  it('reads operator characters in q as spaces: words still match, and a run of them is no 500', async () => {
    const { id: categoryId } = await sut.category();
    const calzone = await sut.product(0, { categoryId, name: 'Calzone', description: 'Folded, baked' });
    expect(ids(await list({ q: '!calzone:* | (folded)', category: categoryId }))).toEqual([calzone.id]);
    // Before: "tsquery stack too small" from websearch_to_tsquery (SQLSTATE XX000, a 500).
    expect(ids(await list({ q: '-|&'.repeat(66), category: categoryId }))).toEqual([]);
  });

  it.each(['pizzza', 'margherrita', 'Margerita', 'PIZZA'])('still finds the product for the query %j', async (q) => {
    const { id: categoryId } = await sut.category();
    const pizza = await sut.product(0, { categoryId, name: 'Pizza Margherita', description: 'Tomato and cheese' });
    await sut.product(0, { categoryId, name: 'Caesar salad', description: 'Romaine, croutons' });
    expect(ids(await list({ q, category: categoryId }))).toEqual([pizza.id]);
  });

  describe('forgiving matches (issue 12)', () => {
    const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name);
    let categoryId: string;

    beforeAll(async () => {
      ({ id: categoryId } = await sut.category());
      const menu: [string, string][] = [
        ['Saffron Risotto', 'Carnaroli rice, saffron, parmesan'],
        ['Mushroom Risotto', 'Porcini and thyme'],
        ['Fried Rice', 'Wok-fried jasmine rice, egg, scallions'],
        ['Rice Pudding', 'Slow-cooked with vanilla; not fried'],
        ['Icecream Sundae', 'Vanilla, chocolate sauce'],
        ['Ice Tea', 'Lemon, cold brewed'],
        ['Crème Brûlée', 'Vanilla custard, burnt sugar'],
        ['Cream Soda', 'Vanilla soda'],
        ['Jalapeño Poppers', 'Cheese-filled peppers'],
        ['Pizza Margherita', 'Tomato, mozzarella, basil'],
        ['Marinara Pizza', 'Tomato, garlic, oregano; a margherita without cheese'],
        ['Taco Plate', 'Three soft tacos'],
        ['Tofu Bowl', 'Crispy tofu, greens'],
      ];
      for (const [name, description] of menu) await sut.product(0, { categoryId, name, description });
    });

    const search = (q: string) => list({ q, category: categoryId });

    it.each([
      ['safron risoto', 'Saffron Risotto', 'saffron risotto'],
      ['sfafron', 'Saffron Risotto', 'saffron'], // a transposition is one typo
      ['pizza margehrita', 'Pizza Margherita', 'pizza margherita'],
    ])('corrects %j to a catalog word and finds %j first', async (q, first, corrected) => {
      const body = await search(q);
      expect(names(body)[0]).toBe(first);
      expect(body.correctedQuery).toBe(corrected);
    });

    it('allows no typo in a word under five letters: "tufo" is not "tofu"', async () => {
      expect(names(await search('tufo'))).toEqual([]);
      expect(names(await search('tofu '))).toEqual(['Tofu Bowl']);
    });

    it('finds a two-word name typed as one word, and a one-word name typed as two', async () => {
      const joined = await search('friedrice');
      expect(names(joined)[0]).toBe('Fried Rice');
      expect(names(joined)).not.toContain('Rice Pudding'); // "fried" only in its description, and not next to rice
      expect(joined.correctedQuery).toBe('fried rice');
      expect(names(await search('ice cream'))[0]).toBe('Icecream Sundae');
      expect(names(await search('icecream'))[0]).toBe('Icecream Sundae');
    });

    it('folds accents and case on both sides', async () => {
      expect(names(await search('creme brulee'))).toEqual(['Crème Brûlée']);
      expect(names(await search('JALAPENO'))).toEqual(['Jalapeño Poppers']);
      expect(names(await search('Crème'))[0]).toBe('Crème Brûlée');
    });

    it('matches the last word as a prefix while it is typed, and ranks the name that starts with it first', async () => {
      expect(names(await search('marg'))[0]).toBe('Pizza Margherita');
      expect(names(await search('fried ri'))[0]).toBe('Fried Rice');
      expect(
        names(await search('ris'))
          .slice(0, 2)
          .sort(),
      ).toEqual(['Mushroom Risotto', 'Saffron Risotto']);
      expect(names(await search('sa'))).toContain('Saffron Risotto');
    });

    it('keeps plurals and description words, a description match below every name match', async () => {
      expect(names(await search('tacos'))[0]).toBe('Taco Plate');
      const margherita = names(await search('margherita'));
      expect(margherita).toEqual(['Pizza Margherita', 'Marinara Pizza']);
      const vanilla = names(await search('vanilla'));
      expect(vanilla.sort()).toEqual(['Cream Soda', 'Crème Brûlée', 'Icecream Sundae', 'Rice Pudding']);
    });

    it('ranks the name that begins with the first word above the same dish behind an adjective when that word was corrected, joined or pluralised', async () => {
      // Found by the relevance set: "caeaar salad" ranked "Delicious Caesar Salad" first, as the
      // name-starts rule compared names with the word as typed. The near miss is rated higher, so
      // only that rule can put the plain name first.
      const { id: ownCategory } = await sut.category();
      await sut.product(0, { categoryId: ownCategory, name: 'Caesar Salad', description: 'Romaine' });
      const nearMiss = await sut.product(0, { categoryId: ownCategory, name: 'Fresh Caesar Salad', description: 'Romaine' });
      await sut.db.query(`UPDATE inventory.products SET rating_average = 4.9, rating_count = 9 WHERE id = $1`, [nearMiss.id]);
      const first = async (q: string) => (await list({ q, category: ownCategory })).items.map((item: { name: string }) => item.name);
      expect(await first('caesar salad')).toEqual(['Caesar Salad', 'Fresh Caesar Salad']);
      expect(await first('caeser salad')).toEqual(['Caesar Salad', 'Fresh Caesar Salad']); // a typo in the first word
      expect(await first('caesarsalad')).toEqual(['Caesar Salad', 'Fresh Caesar Salad']); // joined
      expect(await first('caesars salad')).toEqual(['Caesar Salad', 'Fresh Caesar Salad']); // its stem
    });

    it('still corrects a typo that also reads as two catalog words', async () => {
      // Found by the relevance set: "tomto" split into "tom" + "to" (both catalog words), and the
      // split alone was searched, so "pasta with tomto and basil" found nothing.
      const { id: ownCategory } = await sut.category();
      await sut.product(0, { categoryId: ownCategory, name: 'Pasta With Tomato And Basil', description: 'Penne' });
      await sut.product(0, { categoryId: ownCategory, name: 'Tom Yum Soup', description: 'Tom to go: lemongrass broth with basil' });
      const names = async (q: string) => (await list({ q, category: ownCategory })).items.map((item: { name: string }) => item.name);
      expect(await names('pasta with tomto and basil')).toEqual(['Pasta With Tomato And Basil']);
      // Both readings match: the correction in a name before the split found only in a description.
      expect(await names('tomto basil')).toEqual(['Pasta With Tomato And Basil', 'Tom Yum Soup']);
    });

    it('counts the word being typed as exact when it begins a name word, and a whole word before a longer one', async () => {
      // Found by the relevance set: "tuna s" ranked "Summer's Special Tuna" first, whose one-letter
      // word "s" (from the apostrophe) was an exact match while "Sashimi" was only a prefix. The
      // near misses are rated higher, so only the ranking rules can put the right name first.
      const { id: ownCategory } = await sut.category();
      await sut.product(0, { categoryId: ownCategory, name: 'Tuna Sashimi', description: 'Sliced raw' });
      const summers = await sut.product(0, { categoryId: ownCategory, name: "Summer's Special Tuna", description: 'Seared' });
      await sut.product(0, { categoryId: ownCategory, name: 'Pizza', description: 'Tomato and cheese' });
      const pizzaiola = await sut.product(0, { categoryId: ownCategory, name: 'Pizzaiola Steak', description: 'Beef in tomato sauce' });
      await sut.db.query(`UPDATE inventory.products SET rating_average = 4.9, rating_count = 9 WHERE id = ANY($1::uuid[])`, [[summers.id, pizzaiola.id]]);
      const names = async (q: string) => (await list({ q, category: ownCategory })).items.map((item: { name: string }) => item.name);
      expect(await names('tuna s')).toEqual(['Tuna Sashimi', "Summer's Special Tuna"]);
      expect(await names('tuna sa')).toEqual(['Tuna Sashimi']);
      // Exactness: the whole word "pizza" before the name that only begins with it.
      expect(await names('pizza')).toEqual(['Pizza', 'Pizzaiola Steak']);
    });

    it('returns the matched spans of the name for highlighting', async () => {
      const [item] = (await search('marg')).items;
      expect(item.nameHighlights).toEqual([{ start: 6, end: 10 }]); // "Pizza [Marg]herita"
      const [risotto] = (await search('safron risoto')).items;
      expect(risotto.nameHighlights).toEqual([
        { start: 0, end: 7 },
        { start: 8, end: 15 },
      ]);
      expect((await list({ category: categoryId, limit: 1 })).items[0].nameHighlights).toEqual([]);
    });

    it('makes an edited name searchable at once, its old words no longer', async () => {
      const { id } = await sut.product(0, { categoryId, name: 'Quinoa Salad', description: 'Grains' });
      expect(names(await search('quinao'))).toEqual(['Quinoa Salad']);
      await sut.http.patch(`/api/admin/products/${id}`).set('Authorization', `Bearer ${admin}`).send({ name: 'Bulgur Salad' }).expect(200);
      expect(names(await search('bulgur'))).toEqual(['Bulgur Salad']);
      expect(names(await search('quinoa'))).toEqual([]);
    });
  });

  it('filters by price range and stock, and sorts by price both ways and newest first', async () => {
    const { id: categoryId } = await sut.category();
    const cheap = await sut.product(0, { categoryId, price: usd(300) });
    const mid = await sut.product(3, { categoryId, price: usd(800) });
    const upper = await sut.product(0, { categoryId, price: usd(1500) });
    const dear = await sut.product(1, { categoryId, price: usd(6000) });
    expect(ids(await list({ category: categoryId, minPrice: 500, maxPrice: 1500 }))).toEqual([upper.id, mid.id]);
    expect(ids(await list({ category: categoryId, minPrice: 1500 }))).toEqual([dear.id, upper.id]);
    expect(ids(await list({ category: categoryId, inStock: 'true' }))).toEqual([dear.id, mid.id]);
    expect(ids(await list({ category: categoryId, inStock: 'false' }))).toEqual([dear.id, upper.id, mid.id, cheap.id]);
    expect(ids(await list({ category: categoryId, sort: 'price' }))).toEqual([cheap.id, mid.id, upper.id, dear.id]);
    expect(ids(await list({ category: categoryId, sort: '-price' }))).toEqual([dear.id, upper.id, mid.id, cheap.id]);
    expect(ids(await list({ category: categoryId, sort: 'newest' }))).toEqual([dear.id, upper.id, mid.id, cheap.id]);
    expect(ids(await list({ category: categoryId }))).toEqual([dear.id, upper.id, mid.id, cheap.id]); // the default without q
    expect(ids(await list({ category: categoryId, sort: 'rating' }))).toHaveLength(4);
    expect(await allPages({ category: categoryId, sort: '-price', limit: 1 })).toEqual([dear.id, upper.id, mid.id, cheap.id]);
    expect(await allPages({ category: categoryId, sort: 'newest', limit: 3 })).toEqual([dear.id, upper.id, mid.id, cheap.id]);
    await sut.db.query(`UPDATE inventory.products SET rating_average = 4.5, rating_count = 2 WHERE id = $1`, [upper.id]);
    const byRating = await allPages({ category: categoryId, sort: 'rating', limit: 1 });
    expect(byRating[0]).toBe(upper.id);
    expect(new Set(byRating)).toEqual(new Set([cheap.id, mid.id, upper.id, dear.id]));
    expect((await list({ category: categoryId, sort: 'rating', limit: 1 })).items[0].rating).toEqual({ average: 4.5, count: 2 });
  });

  it('counts facets over every match of the query, not only the page', async () => {
    const parent = await sut.category();
    const child = await sut.category(undefined, parent.id);
    await sut.product(0, { categoryId: parent.id, name: 'Soup of the day', price: usd(450) });
    await sut.product(0, { categoryId: parent.id, name: 'Soup special', price: usd(500) });
    await sut.product(0, { categoryId: child.id, name: 'Cold soup', price: usd(1999) });
    await sut.product(0, { categoryId: child.id, name: 'Bread', price: usd(7000) });
    const body = await list({ category: parent.slug, q: 'soup', limit: 1 });
    expect(body.items).toHaveLength(1);
    expect(body.nextCursor).toEqual(expect.any(String));
    expect(body.facets.categories).toEqual([
      { id: parent.id, slug: parent.slug, name: expect.any(String), count: 2 },
      { id: child.id, slug: child.slug, name: expect.any(String), count: 1 },
    ]);
    expect(body.facets.priceBands).toEqual([
      { min: 0, max: 500, count: 1 },
      { min: 500, max: 1000, count: 1 },
      { min: 1000, max: 2000, count: 1 },
      { min: 2000, max: 5000, count: 0 },
      { min: 5000, max: null, count: 0 },
    ]);
    const all = await list({ category: parent.id });
    expect(all.facets.priceBands.map((band: { count: number }) => band.count)).toEqual([1, 1, 1, 0, 1]);
  });

  it('pages over a changing catalog returning each remaining product exactly once (price sort)', async () => {
    const { id: categoryId } = await sut.category();
    const products: string[] = [];
    for (const amount of [100, 200, 300, 400, 500, 600]) products.push((await sut.product(0, { categoryId, price: usd(amount) })).id);
    let added: string | undefined;
    const seen = await allPages({ category: categoryId, sort: 'price', limit: 2 }, async (page) => {
      if (page !== 1) return;
      await sut.product(0, { categoryId, price: usd(50) }); // before the cursor: never shown
      await sut.product(0, { categoryId, price: usd(150) }); // before the cursor too
      added = (await sut.product(0, { categoryId, price: usd(700) })).id; // after it: shown once
      await sut.http.delete(`/api/admin/products/${products[4]}`).set('Authorization', `Bearer ${admin}`).expect(204);
    });
    expect(seen).toEqual([products[0], products[1], products[2], products[3], products[5], added]);
  });

  it('pages over a changing catalog returning each remaining product exactly once (relevance and the newest-first default)', async () => {
    const { id: categoryId } = await sut.category();
    const products: string[] = [];
    for (let i = 0; i < 5; i += 1) products.push((await sut.product(0, { categoryId, name: 'Tiramisu', description: 'Coffee and mascarpone' })).id);
    const byRelevance = await list({ category: categoryId, q: 'tiramisu', limit: 5 });
    const order = ids(byRelevance);
    let added: string | undefined;
    const seen = await allPages({ category: categoryId, q: 'tiramisu', limit: 2 }, async (page) => {
      if (page !== 1) return;
      await sut.http.delete(`/api/admin/products/${order[3]}`).set('Authorization', `Bearer ${admin}`).expect(204);
      added = (await sut.product(0, { categoryId, name: 'Tiramisu', description: 'Coffee and mascarpone' })).id;
    });
    const remaining = order.filter((id) => id !== order[3]);
    expect(seen.filter((id) => id !== added)).toEqual(remaining);
    expect(new Set(seen).size).toBe(seen.length);

    const newestFirst = [...products, added as string].filter((id) => id !== order[3]).reverse();
    const victim = newestFirst[3]; // not on the first page of two
    const listed = await allPages({ category: categoryId, limit: 2 }, async (page) => {
      if (page === 1) await sut.http.delete(`/api/admin/products/${victim}`).set('Authorization', `Bearer ${admin}`).expect(204);
    });
    expect(listed).toEqual(newestFirst.filter((id) => id !== victim));
  });

  it('pages the same with facets counted alongside and without (the cached-facets path)', async () => {
    const { id: categoryId } = await sut.category();
    for (const [name, amount] of [
      ['Lemon tart', 700],
      ['Lemon sorbet', 500],
      ['Lemonade', 300],
      ['Apple pie', 600],
    ] as const) {
      await sut.product(0, { categoryId, name, price: usd(amount) });
    }
    const repository = new ProductsRepository(sut.app.get(DataSource).manager);
    const cases: [ProductFilter, ProductSort][] = [
      [{ categoryIds: [categoryId], q: 'lemon', text: textOf('lemon') }, 'relevance'],
      [{ categoryIds: [categoryId] }, 'price'],
      [{ categoryIds: [categoryId], maxPrice: 650 }, 'newest'],
    ];
    for (const [filter, sort] of cases) {
      let after: SearchPosition | undefined;
      for (let page = 0; page < 3; page += 1) {
        const alone = await repository.search(filter, sort, after, 2);
        const withFacets = await repository.searchWithFacets(filter, sort, after, 2, PRICE_BAND_BOUNDS);
        expect(alone.map((row) => [row.id, row.sortKeys])).toEqual(withFacets.rows.map((row) => [row.id, row.sortKeys]));
        expect(alone.map((row) => row.name)).toEqual(withFacets.rows.map((row) => row.name));
        const last = alone[alone.length - 1];
        if (!last) break;
        after = { sort, keys: last.sortKeys, id: last.id };
      }
    }
  });

  it.each(['"margherita" -pizza', 'a | b & !c', "o'brien:*", '((', '   ', '🍕'])('answers 200 to the odd text query %j', async (q) => {
    const { id: categoryId } = await sut.category();
    const body = await list({ q, category: categoryId });
    expect(body.items).toEqual([]);
    expect(body.facets.priceBands).toHaveLength(5);
  });

  it.each<[Record<string, string>, RegExp]>([
    [{ minPrice: '-1' }, /minPrice/],
    [{ minPrice: 'abc' }, /minPrice/],
    [{ maxPrice: '1.5' }, /maxPrice/],
    [{ minPrice: '900', maxPrice: '100' }, /minPrice/],
    [{ sort: 'cheapest' }, /sort/],
    [{ sort: 'relevance' }, /sort/],
    [{ inStock: 'yes' }, /inStock/],
    [{ limit: '0' }, /limit/],
    [{ limit: '101' }, /limit/],
    [{ cursor: 'nonsense' }, /cursor/],
    [{ sort: '-price', cursor: Buffer.from(JSON.stringify(['price', [1], '6f1c1a52-2b7e-4d0e-9a39-1f2b3c4d5e6f'])).toString('base64url') }, /cursor/],
    [{ q: 'x'.repeat(201) }, /q must/],
    [{ colour: 'red' }, /colour/],
  ])('answers 400 naming the field to %j', async (query, field) => {
    const res = await sut.http.get('/api/products').query(query).expect(400);
    expect(JSON.stringify(res.body.message)).toMatch(field);
  });
});
