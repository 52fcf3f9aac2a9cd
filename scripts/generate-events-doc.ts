// Writes docs/events.md from the event contracts: `npm run docs:events`, run from the repo root.
// It runs compiled from dist/, so the root is the working directory rather than __dirname.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliFailure, readCliArguments } from '@galley/config';
import { ALL_CONTRACTS, EVENTS_DOC_PATH, renderEventsDoc, scanEventWiring } from '@galley/contracts';

const USAGE = `usage: npm run docs:events
  Writes docs/events.md from the event contracts in libs/contracts and the files that publish and
  handle each event (a unit test fails when it is stale).
  -h, --help   this text`;

function main(): void {
  if (!readCliArguments(process.argv.slice(2), { usage: USAGE, options: {} })) return;
  const root = process.cwd();
  if (!existsSync(path.join(root, 'libs', 'contracts'))) {
    console.error(`docs:events: run it from the repo root (no libs/contracts under ${root})`);
    process.exit(2);
  }
  const target = path.join(root, EVENTS_DOC_PATH);
  // Who publishes and who handles each event, read from the sources (test/contracts/event-wiring.spec.ts checks it against the contracts).
  const rendered = renderEventsDoc(ALL_CONTRACTS, scanEventWiring(root));
  const previous = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  if (previous === rendered) {
    console.log(`${EVENTS_DOC_PATH} is up to date (${ALL_CONTRACTS.length} events)`);
    return;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, rendered);
  console.log(`wrote ${EVENTS_DOC_PATH} (${ALL_CONTRACTS.length} events)`);
}

try {
  main();
} catch (error: unknown) {
  const failure = cliFailure('docs:events', error);
  console.error(failure.message);
  process.exit(failure.code);
}
