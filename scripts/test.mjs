// `npm test`. Dependencies and Chromium (for the browser tests) first, with Node built-ins only
// (a fresh clone has no node_modules), then the rest, imported dynamically because static imports
// would load packages before this runs.
import { bootstrap } from './bootstrap.mjs';

try {
  bootstrap({ chromium: true });
} catch (error) {
  console.error(`npm test failed: ${error.message}`);
  process.exit(1);
}
await import('./lib/test-command.mjs');
