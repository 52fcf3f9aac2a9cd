import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppName, APP_NAMES } from '@galley/config';
import { contractKey, EventContract } from '../contract';
import { ALL_CONTRACTS } from '../registry';
import { contractFilePath } from './contract-path';

/** A place in the code that publishes or handles an event: the app and the file, relative to the repo root. */
export interface WiringSite {
  readonly app: AppName;
  readonly file: string;
}

export interface EventSites {
  /** Files that append the event to their service's outbox (`outbox.append(tx, contract, …)` or `appendAll`). */
  readonly producers: readonly WiringSite[];
  /** Files that handle it: `@HandlesEvent(contract)` in a service's consumers/, or a gateway stream feed. */
  readonly consumers: readonly WiringSite[];
}

/** What the code really does with each event, by contract key (`order.placed@v1`). */
export type EventWiring = ReadonlyMap<string, EventSites>;

/** Where the gateway reads events: its per-instance feeds, outside any inbox (they keep no state). */
export const GATEWAY_FEEDS_DIR = 'apps/gateway/src/streams';

/**
 * Reads the sources under `repoRoot` for who publishes and who handles each contract, by the name its contract
 * file exports (`export const orderPlacedV1 = defineEvent(…)`): a service publishes an event where it appends it to
 * its outbox, handles it where a consumer's method is `@HandlesEvent(orderPlacedV1)`, and the gateway reads it where
 * a stream feed in `apps/gateway/src/streams` uses the contract. Specs are not code that runs, so they do not count.
 */
export function scanEventWiring(repoRoot: string, contracts: readonly EventContract[] = ALL_CONTRACTS): EventWiring {
  const names = new Map(contracts.map((contract) => [exportedNameOf(repoRoot, contract), contract] as const));
  const sites = new Map(contracts.map((contract) => [contractKey(contract.type, contract.version), { producers: [] as WiringSite[], consumers: [] as WiringSite[] }]));
  const add = (name: string, kind: keyof EventSites, site: WiringSite): void => {
    const contract = names.get(name);
    if (!contract) return;
    const list = sites.get(contractKey(contract.type, contract.version))![kind] as WiringSite[];
    if (!list.some((known) => known.file === site.file)) list.push(site);
  };
  for (const app of APP_NAMES) {
    for (const file of sourceFiles(repoRoot, `apps/${app}/src`)) {
      const text = readFileSync(path.join(repoRoot, file), 'utf8');
      for (const match of text.matchAll(/\.append(?:All)?\(\s*[^,()]+,\s*(\w+)\s*,/g)) add(match[1], 'producers', { app, file });
      if (file.startsWith(`apps/${app}/src/consumers/`)) {
        for (const match of text.matchAll(/@HandlesEvent\(\s*(\w+)\s*\)/g)) add(match[1], 'consumers', { app, file });
      }
      if (app === 'gateway' && file.startsWith(`${GATEWAY_FEEDS_DIR}/`)) {
        for (const match of withoutImports(text).matchAll(/\b(\w+V\d+)\b/g)) add(match[1], 'consumers', { app, file });
      }
    }
  }
  return sites;
}

/** The name a contract's file exports it under; a contract file without one is a broken contract file. */
function exportedNameOf(repoRoot: string, contract: EventContract): string {
  const file = contractFilePath(contract);
  const text = readFileSync(path.join(repoRoot, file), 'utf8');
  const exported = [...text.matchAll(/export const (\w+) = defineEvent\(\{\s*type: '([^']+)',\s*version: (\d+)/g)].find(
    (match) => match[2] === contract.type && Number(match[3]) === contract.version,
  );
  if (!exported) throw new Error(`${file} does not export ${contractKey(contract.type, contract.version)} with defineEvent`);
  return exported[1];
}

/** The .ts files under `dir` (repo-relative, sorted), specs left out. */
function sourceFiles(repoRoot: string, dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(repoRoot, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((entry) => {
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return sourceFiles(repoRoot, file);
      return entry.name.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
    })
    .sort();
}

/** A feed that only imports a contract's payload type does not read the event; its import lines are not uses. */
function withoutImports(text: string): string {
  return text.replace(/^import[\s\S]*?from\s+'[^']+';$/gm, '');
}
