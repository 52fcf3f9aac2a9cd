export * from './services';
export * from './load-config';
export * from './service-config';
export * from './gateway-config';
