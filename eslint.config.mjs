// ESLint (flat config, typescript-eslint) for Galley's TypeScript outside the web app, run by
// `npm test` (scripts/lib/test-command.mjs) and `npm run lint`. Besides the recommended rules of
// ESLint and typescript-eslint it holds the layout's boundaries (scripts/lint/galley-rules.cjs):
// apps never import another app and libs never import an app, `process.env` is read only where
// configuration is loaded, no `any`, and a size limit per file. apps/web has its own toolchain.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import galley from './scripts/lint/galley-rules.cjs';

const NODE_GLOBALS = Object.fromEntries(
  ['process', 'console', 'URL', 'fetch', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'Buffer', '__dirname', 'require', 'module', 'exports'].map((name) => [
    name,
    'readonly',
  ]),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.cache/**', 'apps/web/**', '**/*.d.ts', '**/*.d.cts'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { galley },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // A leading underscore names what is dropped on purpose (`const { secret: _secret, ...rest } = row`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // The OpenTelemetry SDK is required lazily, only when tracing is configured (libs/platform/src/telemetry).
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^@opentelemetry/'] }],
      'galley/no-cross-app-imports': 'error',
      'max-lines': ['error', { max: 450, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // process.env is read where configuration is loaded: libs/config, and the scripts, benchmarks and
    // tests that set up processes (libs/testing included). Services receive validated settings.
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['libs/config/src/**', 'libs/testing/src/**', '**/*.spec.ts'],
    rules: { 'galley/no-process-env': 'error' },
  },
  {
    // Entry points hand the whole environment to a loader of libs/config, and read no variable themselves.
    files: ['apps/*/src/main.ts', 'apps/*/src/cli/*.ts', 'apps/*/src/text-analysis/cli/*.ts'],
    rules: { 'galley/no-process-env': ['error', { allowWhole: true }] },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'test/**/*.ts', '**/test/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 650, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Data is data: the corpus and hold-out sentences are text in a module, not code.
    files: ['apps/reviews/data/*.data.ts'],
    rules: { 'max-lines': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: NODE_GLOBALS },
  },
);
