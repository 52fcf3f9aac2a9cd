export * from './services';
export * from './load-config';
export * from './service-config';
export * from './gateway-config';
export * from './auth-config';
export * from './verifier-config';
export * from './connection-settings';
export * from './address-setting';
