export * from './contract';
export * from './envelope';
export * from './money';
export * from './registry';
export * from './topics';
export * from './validation';
export * from './events/orders/order-placed.v1';
