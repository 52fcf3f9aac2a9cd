import { randomUUID } from 'node:crypto';
import { InventoryTestApp } from './inventory-test-app';

/**
 * Staff-edited synonym sets (issue 12) through the admin routes, and their effect on search.
 * Sets are store-wide and the test schema is shared, so every term here is a made-up word no other
 * test's products carry, and every set made is removed again.
 */
describe('search synonyms (/api/admin/search/synonyms)', () => {
  let sut: InventoryTestApp;
  let admin: string;
  const made = new Set<string>();
  const word = () =>
    `zq${randomUUID()
      .replace(/[^a-f]/g, '')
      .slice(0, 8)}`;

  beforeAll(async () => {
    sut = await InventoryTestApp.start();
    admin = await sut.token('admin');
  });

  afterAll(async () => {
    for (const id of made) await sut?.http.delete(`/api/admin/search/synonyms/${id}`).set('Authorization', `Bearer ${admin}`);
    await sut?.close();
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const names = async (q: string, category: string) =>
    ((await sut.http.get('/api/products').query({ q, category }).expect(200)).body.items as { name: string }[]).map((item) => item.name);
  const create = async (terms: string[]) => {
    const res = await sut.http.post('/api/admin/search/synonyms').set(as(admin)).send({ terms }).expect(201);
    made.add(res.body.id);
    return res.body as { id: string; terms: string[]; createdAt: string };
  };

  it('adds a set that search applies at once, replaces it and removes it', async () => {
    const [short, first, second] = [word(), word(), word()];
    const { id: categoryId } = await sut.category();
    await sut.product(0, { categoryId, name: `${first} ${second} Lemon`, description: 'Fizzy' });
    expect(await names(`${short} `, categoryId)).toEqual([]);

    const set = await create([short.toUpperCase(), `${first}  ${second}`]);
    expect(set.terms).toEqual([short, `${first} ${second}`]);
    expect(await names(`${short} `, categoryId)).toEqual([`${first} ${second} Lemon`]);
    // Both ways: the phrase finds products named with the single word.
    await sut.product(0, { categoryId, name: `${short} Cola` });
    expect(new Set(await names(`${first} ${second} `, categoryId))).toEqual(new Set([`${first} ${second} Lemon`, `${short} Cola`]));

    const listed = (await sut.http.get('/api/admin/search/synonyms').set(as(admin)).expect(200)).body;
    expect(listed.items).toContainEqual(set);

    const other = word();
    const replaced = (
      await sut.http
        .put(`/api/admin/search/synonyms/${set.id}`)
        .set(as(admin))
        .send({ terms: [other, `${first} ${second}`] })
        .expect(200)
    ).body;
    expect(replaced).toEqual({ ...set, terms: [other, `${first} ${second}`] });
    expect(await names(`${short} `, categoryId)).toEqual([`${short} Cola`]);
    expect(await names(`${other} `, categoryId)).toEqual([`${first} ${second} Lemon`]);

    await sut.http.delete(`/api/admin/search/synonyms/${set.id}`).set(as(admin)).expect(204);
    made.delete(set.id);
    expect(await names(`${other} `, categoryId)).toEqual([]);
    await sut.http.delete(`/api/admin/search/synonyms/${set.id}`).set(as(admin)).expect(404);
  });

  it.each([
    ['one term', { terms: ['zqsolo'] }, /terms/],
    ['terms that fold to one', { terms: ['Zqcrème', 'zqcreme'] }, /at least 2 different terms/],
    ['a term of three words', { terms: ['zqa', 'zqb zqc zqd'] }, /terms\[1\] has 3 words/],
    ['a term that is not text', { terms: ['zqa', 7] }, /terms/],
    ['no terms field', {}, /terms/],
    ['21 terms', { terms: Array.from({ length: 21 }, (_, i) => `zqterm${i}`) }, /terms/],
  ])('refuses %s with a 400 and keeps the sets as they were', async (_case, body, message) => {
    const before = (await sut.http.get('/api/admin/search/synonyms').set(as(admin)).expect(200)).body.items;
    const res = await sut.http.post('/api/admin/search/synonyms').set(as(admin)).send(body).expect(400);
    expect(JSON.stringify(res.body)).toMatch(message);
    expect((await sut.http.get('/api/admin/search/synonyms').set(as(admin)).expect(200)).body.items).toEqual(before);
  });

  it('answers 404 for an unknown set, 400 for an id that is not a uuid, and 403 to customers', async () => {
    await sut.http
      .put(`/api/admin/search/synonyms/${randomUUID()}`)
      .set(as(admin))
      .send({ terms: ['zqa', 'zqb'] })
      .expect(404);
    await sut.http.delete('/api/admin/search/synonyms/not-a-uuid').set(as(admin)).expect(400);
    const customer = await sut.token('customer');
    await sut.http.get('/api/admin/search/synonyms').set(as(customer)).expect(403);
    await sut.http
      .post('/api/admin/search/synonyms')
      .set(as(customer))
      .send({ terms: ['zqa', 'zqb'] })
      .expect(403);
    await sut.http.get('/api/admin/search/synonyms').expect(401);
  });
});
