import { randomUUID } from 'node:crypto';
import { InventoryTestApp } from './inventory-test-app';

describe('inventory catalog (categories, products, validation, outbox)', () => {
  let sut: InventoryTestApp;
  let admin: string;

  beforeAll(async () => {
    sut = await InventoryTestApp.start();
    admin = await sut.token('admin');
  });

  afterAll(async () => {
    await sut?.close();
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  describe('categories', () => {
    it('creates a category with a slug made from its name and lists it in the public tree', async () => {
      const name = `Hot Drinks ${randomUUID().slice(0, 6)}`;
      const parent = await sut.category(name);
      expect(parent.slug).toBe(name.toLowerCase().replace(/ /g, '-'));
      const child = await sut.category(`Tea ${randomUUID().slice(0, 6)}`, parent.id);
      const res = await sut.http.get('/api/categories').expect(200);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: child.id, parentId: parent.id })]));
    });

    it('answers 409 to a taken slug', async () => {
      const { slug } = await sut.category();
      await sut.http.post('/api/admin/categories').set(bearer(admin)).send({ name: 'Again', slug }).expect(409);
    });

    it('answers 400 naming parentId for an unknown parent', async () => {
      const res = await sut.http.post('/api/admin/categories').set(bearer(admin)).send({ name: 'Orphan', parentId: randomUUID() }).expect(400);
      expect(res.body.message).toMatch(/parentId/);
    });

    it('needs an admin to create one', async () => {
      await sut.http.post('/api/admin/categories').send({ name: 'Nope' }).expect(401);
      await sut.http
        .post('/api/admin/categories')
        .set(bearer(await sut.token('customer')))
        .send({ name: 'Nope' })
        .expect(403);
    });
  });

  describe('on sale and preparation time', () => {
    it('is on sale with 10 minutes by default, shown in every read and announced in product.created', async () => {
      const { id } = await sut.product();
      const one = (await sut.http.get(`/api/products/${id}`).expect(200)).body;
      expect(one).toMatchObject({ onSale: true, preparationMinutes: 10 });
      const [created] = await sut.outbox(id, 'product.created');
      expect(created.envelope.payload).toMatchObject({ onSale: true, preparationMinutes: 10 });
    });

    it('takes a product off sale with PATCH: still listed, read as off sale, announced in product.updated', async () => {
      const { id, categoryId } = await sut.product(3, { preparationMinutes: 25 });
      const patched = await sut.http.patch(`/api/admin/products/${id}`).set(bearer(admin)).send({ onSale: false }).expect(200);
      expect(patched.body).toMatchObject({ onSale: false, preparationMinutes: 25, available: 3 });
      const list = await sut.http.get('/api/products').query({ category: categoryId }).expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ id, onSale: false, preparationMinutes: 25 })]);
      const [updated] = await sut.outbox(id, 'product.updated');
      expect(updated.envelope.payload).toMatchObject({ productId: id, onSale: false, preparationMinutes: 25 });
      const back = await sut.http.patch(`/api/admin/products/${id}`).set(bearer(admin)).send({ onSale: true, preparationMinutes: 0 }).expect(200);
      expect(back.body).toMatchObject({ onSale: true, preparationMinutes: 0 });
    });

    it.each([
      ['onSale that is not a boolean', { onSale: 'no' }, 'onSale'],
      ['onSale null', { onSale: null }, 'onSale'],
      ['a negative preparation time', { preparationMinutes: -1 }, 'preparationMinutes'],
      ['a preparation time over 240', { preparationMinutes: 241 }, 'preparationMinutes'],
      ['a fractional preparation time', { preparationMinutes: 2.5 }, 'preparationMinutes'],
    ])('answers 400 naming the field to %s', async (_case, body, field) => {
      const { id } = await sut.product();
      const res = await sut.http.patch(`/api/admin/products/${id}`).set(bearer(admin)).send(body).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(field);
    });
  });

  describe('availability snapshot', () => {
    it('lists every live product with its sellable stock and on-sale flag, publicly, and leaves archived ones out', async () => {
      const inStock = await sut.product(4);
      const offSale = await sut.product(2, { onSale: false });
      const archived = await sut.product(1);
      await sut.http.delete(`/api/admin/products/${archived.id}`).set(bearer(admin)).expect(204);
      const res = await sut.http.get('/api/products/availability').expect(200);
      expect(res.body.nextCursor).toBeNull();
      const byId = new Map(res.body.items.map((item: { productId: string }) => [item.productId, item]));
      expect(byId.get(inStock.id)).toEqual({ productId: inStock.id, available: 4, onSale: true });
      expect(byId.get(offSale.id)).toEqual({ productId: offSale.id, available: 2, onSale: false });
      expect(byId.has(archived.id)).toBe(false);
      const ids = res.body.items.map((item: { productId: string }) => item.productId);
      expect(ids).toEqual([...ids].sort());
    });

    it('pages with a cursor when asked for fewer', async () => {
      await sut.product();
      await sut.product();
      const first = await sut.http.get('/api/products/availability').query({ limit: 1 }).expect(200);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.nextCursor).toBe(first.body.items[0].productId);
      const second = await sut.http.get('/api/products/availability').query({ limit: 1, cursor: first.body.nextCursor }).expect(200);
      expect(second.body.items[0].productId > first.body.items[0].productId).toBe(true);
    });

    it.each([
      ['a limit over 5000', { limit: 5001 }],
      ['a cursor it did not make', { cursor: 'nope' }],
    ])('answers 400 to %s', async (_case, query) => {
      await sut.http.get('/api/products/availability').query(query).expect(400);
    });
  });

  describe('products', () => {
    it('creates a product that reads back with modifiers, no stock and no rating, and announces product.created', async () => {
      const { id: categoryId } = await sut.category();
      const sku = `SKU-${randomUUID().slice(0, 8)}`;
      const res = await sut.http
        .post('/api/admin/products')
        .set(bearer(admin))
        .send({
          name: 'Margherita',
          description: 'Tomato, mozzarella, basil',
          categoryId,
          price: { amount: 1150, currency: 'USD' },
          sku,
          tags: ['vegetarian'],
          modifierGroups: [
            {
              name: 'Size',
              minSelect: 1,
              maxSelect: 1,
              options: [
                { name: 'Small', priceDelta: { amount: 0, currency: 'USD' } },
                { name: 'Large', priceDelta: { amount: 300, currency: 'USD' } },
              ],
            },
          ],
        })
        .expect(201);
      sut.productIds.add(res.body.id);
      expect(res.body).toMatchObject({
        name: 'Margherita',
        categoryId,
        price: { amount: 1150, currency: 'USD' },
        sku,
        tags: ['vegetarian'],
        available: 0,
        rating: { average: 0, count: 0 },
        modifierGroups: [{ name: 'Size', minSelect: 1, maxSelect: 1, options: [{ name: 'Small' }, { name: 'Large', priceDelta: { amount: 300, currency: 'USD' } }] }],
      });
      expect(res.body.modifierGroups[0].id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await sut.http.get(`/api/products/${res.body.id}`).expect(200)).body).toEqual(res.body);
      const events = await sut.outbox(res.body.id);
      expect(events.map((e) => e.event_type)).toEqual(['product.created']);
      expect(events[0].envelope.payload).toMatchObject({ productId: res.body.id, name: 'Margherita', price: { amount: 1150, currency: 'USD' }, sku });
      expect((await sut.http.get(`/api/admin/inventory/${res.body.id}`).set(bearer(admin)).expect(200)).body).toEqual({
        productId: res.body.id,
        onHand: 0,
        reserved: 0,
        available: 0,
        lowStockThreshold: 0,
        low: true,
        lowStock: true,
      });
    });

    const good = () => ({ name: 'Bad one', description: 'x', price: { amount: 100, currency: 'USD' } });
    const groups = (minSelect: number, maxSelect: number) => [{ name: 'Extras', minSelect, maxSelect, options: [{ name: 'Cheese', priceDelta: { amount: 50, currency: 'USD' } }] }];

    it.each<[string, Record<string, unknown>, RegExp]>([
      ['a negative price', { price: { amount: -1, currency: 'USD' } }, /price\.amount/],
      ['a fractional price', { price: { amount: 1.5, currency: 'USD' } }, /price\.amount/],
      ['another currency', { price: { amount: 100, currency: 'EUR' } }, /price\.currency/],
      ['a missing price', { price: undefined }, /price/],
      ['minSelect above maxSelect', { modifierGroups: groups(1, 0) }, /modifierGroups\[0\]\.minSelect/],
      ['maxSelect above the option count', { modifierGroups: groups(0, 2) }, /modifierGroups\[0\]\.maxSelect/],
      ['a negative minSelect', { modifierGroups: groups(-1, 1) }, /minSelect/],
      [
        'an option delta in another currency',
        { modifierGroups: [{ name: 'X', minSelect: 0, maxSelect: 1, options: [{ name: 'Y', priceDelta: { amount: 1, currency: 'GBP' } }] }] },
        /priceDelta\.currency/,
      ],
      ['an unknown category', { categoryId: randomUUID() }, /categoryId/],
      ['a category that is not a uuid', { categoryId: 'pizza' }, /categoryId/],
      ['an empty name', { name: '' }, /name/],
      ['an unknown field', { colour: 'red' }, /colour/],
    ])('answers 400 naming the field for %s and stores nothing', async (_case, change, field) => {
      const { id: categoryId } = await sut.category();
      const before = await sut.db.query(`SELECT count(*)::int AS n FROM inventory.products WHERE category_id = $1`, [categoryId]);
      const body = { ...good(), categoryId, ...change };
      const res = await sut.http.post('/api/admin/products').set(bearer(admin)).send(body).expect(400);
      expect(JSON.stringify(res.body.message)).toMatch(field);
      const after = await sut.db.query(`SELECT count(*)::int AS n FROM inventory.products WHERE category_id = $1`, [categoryId]);
      expect(after.rows[0].n).toBe(before.rows[0].n);
    });

    it('answers 409 to a duplicate SKU and stores nothing', async () => {
      const sku = `DUP-${randomUUID().slice(0, 8)}`;
      const first = await sut.product(0, { sku });
      const res = await sut.http
        .post('/api/admin/products')
        .set(bearer(admin))
        .send({ ...good(), categoryId: first.categoryId, sku })
        .expect(409);
      expect(res.body.message).toMatch(/sku/);
      const { rows } = await sut.db.query(`SELECT count(*)::int AS n FROM inventory.products WHERE category_id = $1`, [first.categoryId]);
      expect(rows[0].n).toBe(1);
    });

    it('updates a product, keeps the fields not given, and announces product.updated', async () => {
      const { id } = await sut.product(0, { sku: `UPD-${randomUUID().slice(0, 8)}` });
      const res = await sut.http
        .patch(`/api/admin/products/${id}`)
        .set(bearer(admin))
        .send({ name: 'Renamed', price: { amount: 1234, currency: 'USD' }, sku: null })
        .expect(200);
      expect(res.body).toMatchObject({ id, name: 'Renamed', description: 'For tests', price: { amount: 1234, currency: 'USD' }, sku: null });
      const events = await sut.outbox(id, 'product.updated');
      expect(events).toHaveLength(1);
      expect(events[0].envelope.payload).toMatchObject({ productId: id, name: 'Renamed', price: { amount: 1234, currency: 'USD' } });
      expect(events[0].envelope.payload).not.toHaveProperty('sku');
    });

    it('answers 400 to a PATCH with bad modifier bounds and changes nothing', async () => {
      const { id } = await sut.product();
      const res = await sut.http
        .patch(`/api/admin/products/${id}`)
        .set(bearer(admin))
        .send({ modifierGroups: groups(0, 3) })
        .expect(400);
      expect(res.body.message).toMatch(/modifierGroups\[0\]\.maxSelect/);
      expect(await sut.outbox(id, 'product.updated')).toHaveLength(0);
    });

    it('archives on DELETE: the product leaves reads and listings, and product.archived is announced', async () => {
      const { id, categoryId } = await sut.product();
      await sut.http.delete(`/api/admin/products/${id}`).set(bearer(admin)).expect(204);
      await sut.http.get(`/api/products/${id}`).expect(404);
      const list = await sut.http.get('/api/products').query({ category: categoryId }).expect(200);
      expect(list.body.items).toEqual([]);
      expect((await sut.outbox(id, 'product.archived')).map((e) => e.envelope.payload)).toEqual([{ productId: id }]);
      await sut.http.delete(`/api/admin/products/${id}`).set(bearer(admin)).expect(404);
      await sut.http.patch(`/api/admin/products/${id}`).set(bearer(admin)).send({ name: 'Back' }).expect(404);
    });

    it('lists live products of a category by id or slug, newest first, page by page', async () => {
      const category = await sut.category();
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) ids.push((await sut.product(0, { categoryId: category.id })).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string | number> = { category: category.slug, limit: 2, ...(cursor ? { cursor } : {}) };
        const res = await sut.http.get('/api/products').query(query).expect(200);
        seen.push(...res.body.items.map((item: { id: string }) => item.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      const newestFirst = [...ids].reverse();
      expect(seen).toEqual(newestFirst);
      const byId = await sut.http.get('/api/products').query({ category: category.id, limit: 10 }).expect(200);
      expect(byId.body.items.map((item: { id: string }) => item.id)).toEqual(newestFirst);
    });

    it.each([{ limit: '0' }, { limit: '101' }, { cursor: 'nonsense' }])('answers 400 to the list query %j', async (query) => {
      await sut.http.get('/api/products').query(query).expect(400);
    });
  });
});
