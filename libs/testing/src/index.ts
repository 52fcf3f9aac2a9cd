export * from './test-environment';
export * from './messaging-fixture';
export * from './test-event.contract';
export * from './effects-handler';
export * from './worker-process';
export * from './kafka-helpers';
export * from './running-system';
