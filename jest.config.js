// Two projects: fast unit specs beside the code, and integration specs that need the real
// Postgres and Kafka that `npm test` provisions (scripts/test.mjs).
const moduleNameMapper = {
  '^@galley/(auth|config|contracts|messaging|errors|platform|testing)$': '<rootDir>/libs/$1/src',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', isolatedModules: true }] };

module.exports = {
  // Integration tests wait on real brokers and processes; unit tests finish far below this.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      moduleFileExtensions: ['ts', 'js', 'json'],
      testMatch: ['<rootDir>/apps/**/src/**/*.spec.ts', '<rootDir>/libs/**/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
      moduleNameMapper,
      transform,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      moduleFileExtensions: ['ts', 'js', 'json'],
      testMatch: ['<rootDir>/apps/**/test/**/*.int-spec.ts', '<rootDir>/libs/**/test/**/*.int-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
      moduleNameMapper,
      transform,
    },
  ],
};
