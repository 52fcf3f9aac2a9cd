// The relevance set of issue 12 (bench/search-relevance.json, made by search-relevance.generate.ts):
// each query asks the running system's GET /api/products?q=…&limit=3 and is scored by the names it
// gets back. A case names the product that must come first (within 1) or be in the top 3 (within
// 3); the seeded catalog repeats names, so any product with that exact name counts.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { AppProcess, testEnvironment } from '@galley/testing';

export const RELEVANCE_KINDS = [
  'exact',
  'typo',
  'transposition',
  'joined',
  'split',
  'accent',
  'prefix1',
  'prefix2',
  'prefix3',
  'prefix4',
  'plural',
  'description',
  'synonym',
] as const;

export type RelevanceKind = (typeof RELEVANCE_KINDS)[number];

export interface RelevanceCase {
  q: string;
  kind: RelevanceKind;
  expect: string;
  within: 1 | 3;
  /** Why this expectation holds in this catalog (generated cases say how they were chosen). */
  note?: string;
  /** A store synonym set (folded terms) the case needs; stored before the run (`ensureSynonyms`). */
  synonyms?: string[];
}

/** Stores each synonym set the cases name, unless the store already has that set. */
export async function ensureSynonyms(pool: Pool, cases: readonly RelevanceCase[]): Promise<number> {
  const sets = new Map<string, string[]>();
  for (const item of cases) if (item.synonyms) sets.set([...item.synonyms].sort().join('|'), item.synonyms);
  let added = 0;
  for (const terms of sets.values()) {
    const { rowCount } = await pool.query(
      `INSERT INTO inventory.search_synonyms (id, terms) SELECT $1, $2::text[]
        WHERE NOT EXISTS (SELECT 1 FROM inventory.search_synonyms WHERE terms @> $2::text[] AND terms <@ $2::text[])`,
      [randomUUID(), terms],
    );
    added += rowCount ?? 0;
  }
  return added;
}

export interface RelevanceMiss {
  q: string;
  kind: RelevanceKind;
  expect: string;
  within: 1 | 3;
  got: string[];
}

export interface RelevanceReport {
  /** Share of all cases whose expected name came first. */
  recallAt1: number;
  /** Share of all cases whose expected name was among the first three. */
  recallAt3: number;
  total: number;
  /** Cases that missed their own bound (first for within 1, top 3 for within 3). */
  misses: RelevanceMiss[];
  perKind: { kind: RelevanceKind; total: number; recallAt1: number; recallAt3: number; misses: number }[];
  /** Requests that did not answer 200 (counted as misses with `got` empty). */
  errors: number;
}

export function loadRelevanceCases(file = path.join(process.cwd(), 'bench/search-relevance.json')): RelevanceCase[] {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as RelevanceCase[];
}

/** Asks every case of the set, a few at a time, and scores the names that come back. */
export async function measureRelevance(apiBase: string, cases: readonly RelevanceCase[], concurrency = 4): Promise<RelevanceReport> {
  const results: { case: RelevanceCase; got: string[]; ok: boolean }[] = new Array(cases.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, cases.length) }, async () => {
      while (next < cases.length) {
        const index = next++;
        const item = cases[index];
        const url = `${apiBase.replace(/\/$/, '')}/api/products?${new URLSearchParams({ q: item.q, limit: '3' }).toString()}`;
        try {
          const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
          if (res.status !== 200) {
            await res.arrayBuffer();
            results[index] = { case: item, got: [], ok: false };
            continue;
          }
          const body = (await res.json()) as { items: { name: string }[] };
          results[index] = { case: item, got: body.items.map((product) => product.name), ok: true };
        } catch {
          results[index] = { case: item, got: [], ok: false };
        }
      }
    }),
  );
  const first = (r: { case: RelevanceCase; got: string[] }) => r.got[0] === r.case.expect;
  const top3 = (r: { case: RelevanceCase; got: string[] }) => r.got.slice(0, 3).includes(r.case.expect);
  const passed = (r: { case: RelevanceCase; got: string[] }) => (r.case.within === 1 ? first(r) : top3(r));
  const share = (list: typeof results, test: (r: (typeof results)[number]) => boolean) => (list.length === 0 ? 0 : list.filter(test).length / list.length);
  const perKind = RELEVANCE_KINDS.map((kind) => {
    const ofKind = results.filter((r) => r.case.kind === kind);
    return { kind, total: ofKind.length, recallAt1: share(ofKind, first), recallAt3: share(ofKind, top3), misses: ofKind.filter((r) => !passed(r)).length };
  }).filter((row) => row.total > 0);
  return {
    recallAt1: share(results, first),
    recallAt3: share(results, top3),
    total: results.length,
    misses: results.filter((r) => !passed(r)).map((r) => ({ q: r.case.q, kind: r.case.kind, expect: r.case.expect, within: r.case.within, got: r.got })),
    perKind,
    errors: results.filter((r) => !r.ok).length,
  };
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** Markdown: recall@1 and recall@3 overall and per kind, then every miss with what came back. */
export function formatRelevance(report: RelevanceReport): string {
  const lines = [
    `### Relevance: ${report.total} queries (bench/search-relevance.json), limit=3`,
    '',
    `recall@1 **${percent(report.recallAt1)}**, recall@3 **${percent(report.recallAt3)}** (goal ≥ 98 %): ${report.recallAt3 >= 0.98 ? 'met' : 'NOT met'}; ` +
      `${report.misses.length} cases missed their bound (first, or top 3)${report.errors ? `; ${report.errors} requests failed` : ''}.`,
    '',
    '| kind | queries | recall@1 | recall@3 | misses |',
    '|---|---:|---:|---:|---:|',
    ...report.perKind.map((row) => `| ${row.kind} | ${row.total} | ${percent(row.recallAt1)} | ${percent(row.recallAt3)} | ${row.misses} |`),
    '',
  ];
  if (report.misses.length > 0) {
    lines.push('Misses:', '', '| q | kind | expected | within | got (top 3) |', '|---|---|---|---:|---|');
    for (const miss of report.misses) {
      lines.push(`| \`${cell(miss.q)}\` | ${miss.kind} | ${cell(miss.expect)} | ${miss.within} | ${miss.got.length ? miss.got.map(cell).join('; ') : '(nothing)'} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * The demo menu, loaded by the inventory service's own loader (as on `npm start`): an inventory
 * process started once with DEMO_CATALOG on loads it into an empty catalog before it listens. A
 * catalog that already holds anything is left alone (the loader never touches one); the answer
 * says whether the menu is there.
 */
export async function loadDemoMenuIfEmpty(pool: Pool, port: number): Promise<'loaded' | 'present' | 'absent'> {
  const count = async () => (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM inventory.products WHERE sku LIKE 'DEMO-%'`)).rows[0].n;
  if ((await count()) > 0) return 'present';
  const { rows } = await pool.query<{ empty: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM inventory.categories) AND NOT EXISTS (SELECT 1 FROM inventory.products) AS empty`);
  if (!rows[0].empty) return 'absent';
  const inventory = new AppProcess('inventory', {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    DB_NAME: testEnvironment.databaseName,
    DB_USER: 'galley_inventory',
    DB_PASSWORD: process.env.DB_PASSWORD_INVENTORY ?? 'galley_inventory_dev',
    KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: process.env.KAFKA_TOPIC_PREFIX ?? '',
    JWT_PUBLIC_KEYS: '{"keys":[]}',
    DEMO_CATALOG: 'true',
  });
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (!inventory.running) throw new Error(`inventory exited while loading the demo menu\n${inventory.tail()}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (res.status === 200) break;
      } catch {
        // not listening yet: the loader runs before the app listens
      }
      if (Date.now() > deadline) throw new Error(`inventory did not start in 120 s\n${inventory.tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  } finally {
    await inventory.stop();
  }
  return (await count()) > 0 ? 'loaded' : 'absent';
}
