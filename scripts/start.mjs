// `npm start`. Dependencies first, with Node built-ins only (a fresh clone has no node_modules),
// then the rest, imported dynamically because static imports would load packages before this runs.
import { bootstrap } from './bootstrap.mjs';

try {
  bootstrap();
} catch (error) {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
}
await import('./lib/start-command.mjs');
