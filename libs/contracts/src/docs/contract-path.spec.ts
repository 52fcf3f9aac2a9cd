import { contractFilePath } from './contract-path';

describe(contractFilePath.name, () => {
  it.each([
    ['orders', 'order.placed', 1, 'libs/contracts/src/events/orders/order-placed.v1.ts'],
    ['inventory', 'stock.reservation_expired', 1, 'libs/contracts/src/events/inventory/stock-reservation-expired.v1.ts'],
    ['payments', 'payment.intent_created', 2, 'libs/contracts/src/events/payments/payment-intent-created.v2.ts'],
  ] as const)('derives the file of %s %s v%d from its type', (producer, type, version, expected) => {
    const sut = contractFilePath({ producer, type, version });

    expect(sut).toBe(expected);
  });
});
