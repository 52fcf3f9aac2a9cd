// The as-you-type part of `npm run bench:search` (issue 12): the storefront's search box asks
// GET /api/products?q=… on every keystroke, so the load is every prefix of what shoppers type,
// taken here from the relevance set's queries ("f", "fr", "fri", …, "friedrice"). Groups: the first
// keystrokes (1-3 characters), and the full queries by kind (typo, joined words, prefix).
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { RelevanceCase } from './search-relevance';

export interface KeystrokeGroup {
  name: string;
  queries: string[];
}

export interface LatencyRun {
  name: string;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p975: number;
  p99: number;
  errors: number;
}

const path = (q: string) => `/api/products?${new URLSearchParams({ q, limit: '20' }).toString()}`;

/** Every keystroke of every query (what a box sends while it is typed), and the groups to report. */
export function keystrokeGroups(cases: readonly RelevanceCase[]): KeystrokeGroup[] {
  const all = new Set<string>();
  const first = new Set<string>();
  for (const { q } of cases) {
    for (let end = 1; end <= q.length; end += 1) {
      const typed = q.slice(0, end);
      if (typed.trim() === '') continue;
      all.add(typed);
      if (typed.length <= 3) first.add(typed);
    }
  }
  const ofKinds = (...kinds: string[]) => [...new Set(cases.filter((c) => kinds.includes(c.kind)).map((c) => c.q))];
  return [
    { name: 'every keystroke of every query', queries: [...all] },
    { name: 'first keystrokes (1-3 characters)', queries: [...first] },
    { name: 'typos and transpositions (full query)', queries: ofKinds('typo', 'transposition') },
    { name: 'joined and split words (full query)', queries: ofKinds('joined', 'split') },
    { name: 'prefixes of 1-4 letters (full query)', queries: ofKinds('prefix1', 'prefix2', 'prefix3', 'prefix4') },
  ];
}

/** Empties every inventory instance's listing cache: a committed write that changes nothing still notifies. */
export async function touchCatalog(pool: Pool): Promise<void> {
  await pool.query(`UPDATE inventory.categories SET name = name WHERE false`);
}

/**
 * `connections` clients in a closed loop, each request taking the next query of the list (shared
 * across clients, wrapping around). With `once`, it stops after one pass, so with a freshly emptied
 * cache every request is a miss.
 */
export async function loadQueries(name: string, url: string, queries: readonly string[], options: { connections: number; seconds: number; once?: boolean }): Promise<LatencyRun> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    workers: 0,
    ...(options.once ? { amount: queries.length } : { duration: options.seconds }),
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          request.path = path(queries[next % queries.length]);
          next += 1;
          return request;
        },
      },
    ],
  });
  return {
    name,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** While `work` runs, a sale-like stock write every `everyMs` (each one empties the caches). */
export async function withCatalogWrites<T>(pool: Pool, everyMs: number, work: () => Promise<T>): Promise<{ result: T; writes: number }> {
  const { rows } = await pool.query<{ id: string }>(`SELECT product_id AS id FROM inventory.stock_levels LIMIT 1`);
  let writes = 0;
  let running = true;
  const writer = (async () => {
    while (running) {
      if (rows[0]) await pool.query(`UPDATE inventory.stock_levels SET on_hand = on_hand WHERE product_id = $1`, [rows[0].id]);
      else await touchCatalog(pool);
      writes += 1;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  try {
    return { result: await work(), writes };
  } finally {
    running = false;
    await writer;
  }
}

export function formatLatencyRuns(runs: readonly LatencyRun[], goalMs: number): string {
  const fmt = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : Math.round(n).toString()) : '–');
  return [
    `| as-you-type, through the gateway | requests | req/s | p50 ms | p97.5 ms | p99 ms | p99 ≤ ${goalMs} ms | errors/non-2xx |`,
    '|---|---:|---:|---:|---:|---:|:---:|---:|',
    ...runs.map(
      (r) =>
        `| ${r.name} | ${r.requests} | ${Math.round(r.requestsPerSecond)} | ${fmt(r.p50)} | ${fmt(r.p975)} | ${fmt(r.p99)} | ${r.p99 <= goalMs ? 'yes' : 'NO'} | ${r.errors} |`,
    ),
  ].join('\n');
}
