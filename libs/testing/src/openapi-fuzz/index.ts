export * from './schema-arbitrary';
export * from './nasty-values';
export * from './fuzz-requests';
export * from './fuzz-verdict';
export * from './fuzz-callers';
