import { randomUUID } from 'node:crypto';
import { EventStream, GalleyClient, RunningSystem, ServerSentEvent, waitFor } from '@galley/testing';

const ADMIN = { email: `admin-${randomUUID().slice(0, 8)}@galley.test`, password: 'availability-admin-password-1' };
const STREAM = '/api/products/availability/stream';

interface Availability {
  productId: string;
  available: number;
  onSale: boolean;
  archived: boolean;
}

const changes = (events: ServerSentEvent[]): (Availability & { id?: string })[] =>
  events.filter((event) => event.event === 'availability').map((event) => ({ ...(JSON.parse(event.data) as Availability), id: event.id }));
const positionOf = (id: string | undefined) => Number(id?.split(':')[1]);

/**
 * Live product availability end to end: inventory's stock and product events reach a storefront's SSE stream through
 * the gateway's own consumer group, with a snapshot first and an exact replay after a reconnect with Last-Event-ID.
 */
describe('product availability stream through the gateway', () => {
  let system: RunningSystem;
  let api: GalleyClient;
  let admin: string;
  const open: EventStream[] = [];

  beforeAll(async () => {
    system = await RunningSystem.start({
      appEnv: { users: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, inventory: { DEMO_CATALOG: 'false' } },
    });
    api = new GalleyClient(system.gatewayUrl);
    admin = await api.login(ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    for (const stream of open) stream.close();
    await system?.stopAll();
  });

  async function connect(lastEventId?: string): Promise<EventStream> {
    const stream = await api.stream(STREAM, { lastEventId });
    open.push(stream);
    expect(stream.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    return stream;
  }

  const adjust = (productId: string, delta: number) =>
    api.expect(201, 'POST', `/api/admin/inventory/${productId}/adjustments`, { token: admin, body: { delta, reason: 'availability e2e' } });
  const setOnSale = (productId: string, onSale: boolean) => api.expect(200, 'PATCH', `/api/admin/products/${productId}`, { token: admin, body: { onSale } });

  it('starts with a snapshot, streams a stock change to 0 and an off-sale PATCH within 2 s, and replays what a reconnect missed', async () => {
    const { id: dish } = await api.newProduct(admin, { stock: 3 });
    const { id: probe } = await api.newProduct(admin, { stock: 1 });

    const live = await connect();
    const [snapshot] = await live.waitFor((events) => events.some((event) => event.event === 'snapshot'), 10_000);
    expect(snapshot.event).toBe('snapshot');
    expect(snapshot.id).toMatch(/^[0-9a-f]+:\d+$/);
    const items = (JSON.parse(snapshot.data) as { items: Omit<Availability, 'archived'>[] }).items;
    expect(items).toEqual(expect.arrayContaining([{ productId: dish, available: 3, onSale: true }]));

    // The gateway's consumer group joins in the background: nudge a probe product until its change shows up.
    await waitFor(
      async () => {
        await adjust(probe, 1);
        return live
          .waitFor((events) => changes(events).some((change) => change.productId === probe), 500)
          .then(
            () => true,
            () => false,
          );
      },
      { what: 'the availability feed to be live', timeoutMs: 60_000 },
    );

    await adjust(dish, -3);
    await live.waitFor((events) => changes(events).some((change) => change.productId === dish && change.available === 0), 2000);
    await setOnSale(dish, false);
    await live.waitFor((events) => changes(events).some((change) => change.productId === dish && !change.onSale), 2000);
    const seen = changes(live.events).filter((change) => change.productId === dish);
    expect(seen.map(({ id: _id, ...change }) => change)).toEqual([
      { productId: dish, available: 0, onSale: true, archived: false },
      { productId: dish, available: 0, onSale: false, archived: false },
    ]);
    // Ids only grow.
    const positions = changes(live.events).map((change) => positionOf(change.id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const lastId = live.events[live.events.length - 1].id!;
    live.close();

    // While the client is away: stock comes back, the dish goes on sale again, and it is archived.
    await adjust(dish, 5);
    await setOnSale(dish, true);
    await api.expect(204, 'DELETE', `/api/admin/products/${dish}`, { token: admin });
    // A second client sees the last of these before the first comes back, so the gateway has them all.
    const witness = await connect();
    await adjust(probe, 1);
    await witness.waitFor((events) => changes(events).some((change) => change.productId === probe), 5000);
    witness.close();

    const resumed = await connect(lastId);
    await resumed.waitFor((events) => changes(events).some((change) => change.productId === probe), 5000);
    expect(resumed.events.some((event) => event.event === 'snapshot')).toBe(false);
    expect(positionOf(resumed.events[0].id)).toBe(positionOf(lastId) + 1);
    expect(
      changes(resumed.events)
        .filter((change) => change.productId === dish)
        .map(({ id: _id, ...change }) => change),
    ).toEqual([
      { productId: dish, available: 5, onSale: false, archived: false },
      { productId: dish, available: 5, onSale: true, archived: false },
      { productId: dish, available: 5, onSale: true, archived: true },
    ]);
  });

  it('gives a fresh snapshot to a Last-Event-ID it does not hold (another instance, or garbage)', async () => {
    for (const lastEventId of ['00000000:5', 'garbage']) {
      const stream = await connect(lastEventId);
      const [first] = await stream.waitFor((events) => events.length > 0, 10_000);
      expect(first.event).toBe('snapshot');
      stream.close();
    }
  });

  it('serves the public store, payment configuration and availability snapshot without a token', async () => {
    const store = await api.expect<Record<string, unknown>>(200, 'GET', '/api/store');
    expect(store).toMatchObject({ name: expect.any(String), currency: 'USD', openNow: expect.any(Boolean), acceptingOrders: expect.any(Boolean) });
    expect(await api.expect(200, 'GET', '/api/payments/config')).toEqual({ provider: 'simulated', publishableKey: null });
    const { id } = await api.newProduct(admin, { stock: 2 });
    const snapshot = await api.expect<{ items: { productId: string }[] }>(200, 'GET', '/api/products/availability');
    expect(snapshot.items).toEqual(expect.arrayContaining([{ productId: id, available: 2, onSale: true }]));
  });
});
