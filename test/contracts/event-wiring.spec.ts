import path from 'node:path';
import { DynamicModule, Type } from '@nestjs/common';
import { AppName, loadAuthConfig, loadServiceConfig, ServiceName, SERVICE_NAMES } from '@galley/config';
import { ALL_CONTRACTS, contractKey, EventContract, GATEWAY_FEEDS_DIR, scanEventWiring } from '@galley/contracts';
import { handledContractsOf } from '@galley/platform';
import { loadInventoryConfig } from '../../apps/inventory/src/config/inventory-config';
import { InventoryModule } from '../../apps/inventory/src/inventory.module';
import { loadOrdersConfig } from '../../apps/orders/src/config/orders-config';
import { OrdersModule } from '../../apps/orders/src/orders.module';
import { loadPaymentsConfig } from '../../apps/payments/src/config/payments-config';
import { PaymentsModule } from '../../apps/payments/src/payments.module';
import { loadReviewsConfig } from '../../apps/reviews/src/config/reviews-config';
import { ReviewsModule } from '../../apps/reviews/src/reviews.module';
import { UsersModule } from '../../apps/users/src/users.module';

const REPO_ROOT = path.resolve(__dirname, '../..');

/** Each service's root module as main.ts builds it (development defaults: nothing connects until Nest starts it). */
const MODULES: Record<ServiceName, () => DynamicModule> = {
  users: () => UsersModule.forRoot(loadServiceConfig('users', {}), loadAuthConfig({})),
  inventory: () => InventoryModule.forRoot(loadServiceConfig('inventory', {}), loadInventoryConfig({})),
  orders: () => OrdersModule.forRoot(loadServiceConfig('orders', {}), loadOrdersConfig({})),
  payments: () => PaymentsModule.forRoot(loadServiceConfig('payments', {}), loadPaymentsConfig({})),
  reviews: () => ReviewsModule.forRoot(loadServiceConfig('reviews', {}), loadReviewsConfig({})),
};

/** The contracts a service's event transport serves: the @HandlesEvent methods of the controllers its module registers. */
function servedBy(service: ServiceName): string[] {
  const controllers = (MODULES[service]().controllers ?? []) as Type[];
  return controllers.flatMap((controller) => handledContractsOf(controller).map(keyOf)).sort();
}

const keyOf = (contract: Pick<EventContract, 'type' | 'version'>): string => contractKey(contract.type, contract.version);
const wiring = scanEventWiring(REPO_ROOT);
const sitesOf = (contract: EventContract) => wiring.get(keyOf(contract))!;
const cases = ALL_CONTRACTS.map((contract) => [keyOf(contract), contract] as const);

describe('event wiring: contracts against the code', () => {
  it.each(cases)('%s is published by its declared producer, and only there', (_key, contract) => {
    const sut = sitesOf(contract).producers;

    expect(sut.length).toBeGreaterThan(0);
    expect([...new Set(sut.map((site) => site.app))]).toEqual([contract.producer]);
  });

  it.each(cases)('%s is handled by exactly its declared consumers', (_key, contract) => {
    const sut = [...new Set(sitesOf(contract).consumers.map((site) => site.app))].sort();

    expect(sut).toEqual([...contract.consumers].sort());
  });

  it.each(SERVICE_NAMES.map((service) => [service]))("%s's transport serves exactly the handlers found in its consumers/", (service) => {
    const found = ALL_CONTRACTS.filter((contract) => sitesOf(contract).consumers.some((site) => site.app === service))
      .map(keyOf)
      .sort();

    const sut = servedBy(service);

    expect(sut).toEqual(found);
  });

  it('finds handlers only in consumers/ and the gateway feeds', () => {
    const sut = [...wiring.values()].flatMap((sites) => sites.consumers.map((site) => site.file));

    for (const file of sut) expect(file).toMatch(new RegExp(`^(apps/[a-z]+/src/consumers/|${GATEWAY_FEEDS_DIR}/)`));
  });

  it('finds the gateway feeds, which read events outside the transport', () => {
    const sut = (app: AppName) => ALL_CONTRACTS.filter((contract) => sitesOf(contract).consumers.some((site) => site.app === app)).map(keyOf);

    expect(sut('gateway')).toEqual(expect.arrayContaining(['order.status_changed@v1', 'session.revoked@v1', 'stock.changed@v1']));
  });
});
