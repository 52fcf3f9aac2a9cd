export * from './error-body';
export * from './domain-error';
export * from './http-status';
