import { randomUUID } from 'node:crypto';
import { createServiceTopics } from '@galley/testing';
import { InventoryTestApp } from './inventory-test-app';
import { ScratchDatabase } from './scratch-database';

type Category = { id: string; name: string; position: number };

/**
 * `PUT /api/admin/categories/order` against its own scratch database: the shared test schema gains categories from
 * every suite, and a full-list reorder there would race them (and reshuffle their menus).
 */
describe('category order (PUT /api/admin/categories/order)', () => {
  let scratch: ScratchDatabase;
  let sut: InventoryTestApp;
  let admin: string;
  const prefix = `catorder${randomUUID().slice(0, 8)}.`;

  beforeAll(async () => {
    scratch = await ScratchDatabase.create();
    await createServiceTopics(prefix, { partitions: 1 });
    sut = await InventoryTestApp.start({ ...scratch.env, KAFKA_TOPIC_PREFIX: prefix });
    admin = await sut.token('admin');
  });

  afterAll(async () => {
    await sut?.close();
    await scratch?.drop();
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const listed = async (): Promise<Category[]> => (await sut.http.get('/api/categories').expect(200)).body.items;

  it('lists new categories last, in the order they were added, whatever their names', async () => {
    const zucchini = await sut.category('Zucchini');
    const apples = await sut.category('Apples');
    const ids = (await listed()).map((c) => c.id);
    expect(ids.indexOf(zucchini.id)).toBeLessThan(ids.indexOf(apples.id));
    expect(ids.at(-1)).toBe(apples.id);
  });

  it('puts the categories in the order given, and the public listing follows it with positions 1, 2, …', async () => {
    await sut.category('Mains');
    const current = (await listed()).map((c) => c.id);
    const wanted = [...current].reverse();
    const answer = await sut.http.put('/api/admin/categories/order').set(bearer(admin)).send({ ids: wanted }).expect(200);
    expect(answer.body.items.map((c: Category) => c.id)).toEqual(wanted);
    const after = await listed();
    expect(after.map((c) => c.id)).toEqual(wanted);
    expect(after.map((c) => c.position)).toEqual(wanted.map((_, index) => index + 1));
  });

  it.each<[string, (ids: string[]) => object, RegExp]>([
    ['an unknown id', (ids) => ({ ids: [...ids, randomUUID()] }), /no category/],
    ['a repeated id', (ids) => ({ ids: [...ids, ids[0]] }), /more than once/],
    ['a category left out', (ids) => ({ ids: ids.slice(1) }), /missing/],
    ['an id that is not a uuid', (ids) => ({ ids: [...ids.slice(1), 'pizza'] }), /UUID/i],
    ['no ids field', () => ({}), /ids/],
    ['an unknown field', (ids) => ({ ids, position: 1 }), /position/],
  ])('answers 400 to %s and changes nothing', async (_case, body, message) => {
    const before = await listed();
    const answer = await sut.http
      .put('/api/admin/categories/order')
      .set(bearer(admin))
      .send(body(before.map((c) => c.id)))
      .expect(400);
    expect(answer.body.message).toMatch(message);
    expect(await listed()).toEqual(before);
  });

  it('needs an admin', async () => {
    const ids = (await listed()).map((c) => c.id);
    await sut.http.put('/api/admin/categories/order').send({ ids }).expect(401);
    await sut.http
      .put('/api/admin/categories/order')
      .set(bearer(await sut.token('customer')))
      .send({ ids })
      .expect(403);
  });
});
