// npm run bench:search — GET /api/products on a 100k-product catalog, through the gateway (autocannon)
// and the same SQL straight against Postgres (the inventory service's own CatalogService and
// repositories on a pg pool, no HTTP), in one run, with the same fixed mix of queries.
// Seeds galley_test to BENCH_PRODUCTS seeded products first when fewer are there (no events).
// Prints a table and appends it to bench/results/search.md.
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { EntityManager } from 'typeorm';
import { OutboxWriter } from '@galley/messaging';
import { AppProcess, testEnvironment } from '@galley/testing';
import { loadInventoryConfig } from '../apps/inventory/src/config/inventory-config';
import { InventoryStore } from '../apps/inventory/src/repositories/inventory-store';
import { CategoriesRepository } from '../apps/inventory/src/repositories/categories.repository';
import { ProductImagesRepository } from '../apps/inventory/src/repositories/product-images.repository';
import { ProductsRepository } from '../apps/inventory/src/repositories/products.repository';
import { ReservationsRepository } from '../apps/inventory/src/repositories/reservations.repository';
import { SearchVocabularyRepository } from '../apps/inventory/src/repositories/search-vocabulary.repository';
import { StockRepository } from '../apps/inventory/src/repositories/stock.repository';
import { CatalogService, ProductQuery } from '../apps/inventory/src/services/catalog.service';
import { seedCatalog } from '../scripts/seed/catalog-seeder';
import { formatLatencyRuns, keystrokeGroups, LatencyRun, loadQueries, touchCatalog, withCatalogWrites } from './search-keystrokes';
import { ensureSynonyms, formatRelevance, loadDemoMenuIfEmpty, loadRelevanceCases, measureRelevance } from './search-relevance';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORTS = { gateway: Number(process.env.BENCH_GATEWAY_PORT ?? 28080), inventory: Number(process.env.BENCH_INVENTORY_PORT ?? 23002) };
const INVENTORY_PASSWORD = process.env.DB_PASSWORD_INVENTORY ?? 'galley_inventory_dev';

interface Side {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p975: number;
  p99: number;
  errors: number;
}

/** A pg pool dressed as the EntityManager the repositories take (query + transaction), nothing more. */
function managerOn(pool: Pool): EntityManager {
  const manager = {
    query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows,
    transaction: async <T>(work: (tx: EntityManager) => Promise<T>): Promise<T> => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows } as unknown as EntityManager);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
  return manager as unknown as EntityManager;
}

/** The service's own catalog use case on a plain pg pool: exactly the SQL a request runs, without HTTP. */
function bareCatalog(pool: Pool): CatalogService {
  const manager = managerOn(pool);
  const read = {
    categories: new CategoriesRepository(manager),
    products: new ProductsRepository(manager),
    images: new ProductImagesRepository(manager),
    stock: new StockRepository(manager),
    reservations: new ReservationsRepository(manager),
    search: new SearchVocabularyRepository(manager),
  };
  return new CatalogService({ read } as unknown as InventoryStore, new OutboxWriter({ schema: 'inventory' }), loadInventoryConfig({ DEMO_CATALOG: 'false' }));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** CONNECTIONS workers in a closed loop over the mix for DURATION seconds, like autocannon's connections. */
async function loadBare(name: string, catalog: CatalogService, mix: ProductQuery[], seconds: number): Promise<Side> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, worker) => {
      for (let i = worker; Date.now() < deadline; i += 1) {
        const started = process.hrtime.bigint();
        try {
          await catalog.listProducts(mix[i % mix.length]);
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { name, requestsPerSecond: latencies.length / seconds, p50: percentile(latencies, 50), p975: percentile(latencies, 97.5), p99: percentile(latencies, 99), errors };
}

async function loadHttp(name: string, url: string, paths: string[], seconds: number): Promise<Side> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, workers: 0, requests: paths.map((p) => ({ method: 'GET', path: p })) });
  return { name, requestsPerSecond: result.requests.average, p50: result.latency.p50, p975: result.latency.p97_5, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

function toPath(query: ProductQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && !(key === 'inStock' && value === false)) params.set(key, String(value));
  return `/api/products?${params.toString()}`;
}

async function waitReady(url: string, child: AppProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (!child.running) throw new Error(`${child.app} exited\n${child.tail()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} not ready in 90 s\n${child.tail()}`);
}

async function main(): Promise<void> {
  const pool = new Pool({
    host: testEnvironment.dbHost,
    port: testEnvironment.dbPort,
    database: testEnvironment.databaseName,
    user: 'galley_inventory',
    password: INVENTORY_PASSWORD,
    max: CONNECTIONS,
  });
  const apps: AppProcess[] = [];
  try {
    console.log(`search benchmark: making sure ${testEnvironment.databaseName} holds ${PRODUCTS} seeded products...`);
    // The demo menu (the relevance set asks for its dishes) goes in first: its loader only fills an empty catalog.
    console.log(`  demo menu: ${await loadDemoMenuIfEmpty(pool, PORTS.inventory)}`);
    const seeded = await seedCatalog(pool, { products: PRODUCTS, currency: 'USD', events: false });
    console.log(seeded.created ? `  seeded ${seeded.created} in ${seeded.seconds.toFixed(1)} s` : `  ${seeded.before} already there`);
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM inventory.products WHERE archived_at IS NULL`);
    const catalogSize = rows[0].n;

    // The fixed mix: ranked text, a typo, a category, a price range, in stock, by price, a second page.
    const bare = bareCatalog(pool);
    const base: ProductQuery = { limit: 20 };
    const chickenPage1 = await bare.listProducts({ ...base, q: 'spicy chicken' });
    const mix: ProductQuery[] = [
      { ...base, q: 'garlic' },
      { ...base, q: 'pizzza' },
      { ...base, category: 'seed-pizza' },
      { ...base, minPrice: 1000, maxPrice: 2000 },
      { ...base, inStock: true },
      { ...base, sort: 'price' },
      { ...base, q: 'spicy chicken', cursor: chickenPage1.nextCursor ?? undefined },
    ];
    // Ranked text with under 2000 matches each, so their facets are never served from the cache.
    const ranked: ProductQuery[] = [
      { ...base, q: 'tiramisu' },
      { ...base, q: 'pizzza' },
    ];
    for (const query of [...mix, ...ranked]) {
      const page = await bare.listProducts(query);
      console.log(`  ${toPath(query).slice(0, 90).padEnd(90)} ${page.items.length} items, ${page.facets.priceBands.reduce((n, b) => n + b.count, 0)} matches`);
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      DB_NAME: testEnvironment.databaseName,
      KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: process.env.KAFKA_TOPIC_PREFIX ?? '', // a database of its own (GALLEY_BENCH_DB) has topics of its own
    };
    const inventory = new AppProcess('inventory', {
      ...env,
      PORT: String(PORTS.inventory),
      DB_USER: 'galley_inventory',
      DB_PASSWORD: INVENTORY_PASSWORD,
      DB_POOL_SIZE: String(CONNECTIONS),
      DEMO_CATALOG: 'false',
      // Search is public: no token is ever verified, so no users service is needed.
      JWT_PUBLIC_KEYS: '{"keys":[]}',
      RESERVATION_SWEEP_INTERVAL_MS: '3600000',
    });
    apps.push(inventory);
    // autocannon is one address: the gateway's per-address limit is raised out of the way.
    const gateway = new AppProcess('gateway', {
      ...env,
      PORT: String(PORTS.gateway),
      INVENTORY_URL: `http://127.0.0.1:${PORTS.inventory}`,
      JWT_PUBLIC_KEYS: '{"keys":[]}',
      RATE_LIMIT_PER_ADDRESS: '100000000',
    });
    apps.push(gateway);
    await waitReady(`http://127.0.0.1:${PORTS.inventory}/health/live`, inventory);
    await waitReady(`http://127.0.0.1:${PORTS.gateway}/health/live`, gateway);
    const gatewayUrl = `http://127.0.0.1:${PORTS.gateway}`;
    const check = await fetch(`${gatewayUrl}${toPath(mix[0])}`);
    if (check.status !== 200) throw new Error(`gateway answered ${check.status}: ${await check.text()}`);

    // Relevance (issue 12) before the latency runs; `--relevance-only` stops after it (npm run bench:search-relevance).
    const relevanceCases = loadRelevanceCases();
    console.log(`  relevance: ${await ensureSynonyms(pool, relevanceCases)} synonym sets stored for its synonym cases`);
    const relevance = formatRelevance(await measureRelevance(gatewayUrl, relevanceCases));
    console.log(`\n${relevance}`);
    if (process.argv.includes('--relevance-only')) return;

    // As you type (issue 12): every keystroke of the relevance queries. Cold: one pass right after the
    // caches were emptied (every request a miss); warm: the steady state; busy: a stock write every
    // 200 ms (a busy kitchen's sales), each of which empties the listing cache.
    const groups = keystrokeGroups(relevanceCases);
    console.log(`  as you type: ${groups.map((g) => `${g.queries.length} ${g.name}`).join(', ')}`);
    const typing: LatencyRun[] = [];
    await touchCatalog(pool);
    await new Promise((resolve) => setTimeout(resolve, 200));
    typing.push(
      await loadQueries(`${groups[0].name}: cold, each once right after a catalog change`, gatewayUrl, groups[0].queries, {
        connections: CONNECTIONS,
        seconds: DURATION,
        once: true,
      }),
    );
    for (const group of groups) {
      console.log(`  as you type, ${group.name}, ${CONNECTIONS} connections for ${DURATION}s...`);
      await loadQueries('warm-up', gatewayUrl, group.queries, { connections: CONNECTIONS, seconds: DURATION, once: true });
      typing.push(await loadQueries(`${group.name}: warm`, gatewayUrl, group.queries, { connections: CONNECTIONS, seconds: DURATION }));
    }
    console.log(`  as you type, with a stock write every 200 ms...`);
    // Pages live at most a minute (LISTING_CACHE_MAX_AGE_MS): the runs above outlast that, so the set is read once more first.
    await loadQueries('warm-up', gatewayUrl, groups[0].queries, { connections: CONNECTIONS, seconds: DURATION, once: true });
    const busy = await withCatalogWrites(pool, 200, () =>
      loadQueries(`${groups[0].name}: busy, a stock write every 200 ms`, gatewayUrl, groups[0].queries, { connections: CONNECTIONS, seconds: DURATION }),
    );
    typing.push(busy.result);

    const load = os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ');
    console.log('  warming up both paths...');
    await loadBare('warm', bare, mix, 3);
    await loadHttp('warm', gatewayUrl, mix.map(toPath), 3);

    const results: Side[] = [];
    console.log(`  mix, bare SQL, ${CONNECTIONS} workers for ${DURATION}s...`);
    results.push(await loadBare('mix: bare SQL (pg pool)', bare, mix, DURATION));
    console.log(`  mix, through the gateway, ${CONNECTIONS} connections for ${DURATION}s...`);
    results.push(await loadHttp('mix: gateway → inventory', gatewayUrl, mix.map(toPath), DURATION));
    console.log('  ranked text (tiramisu, pizzza), both sides...');
    results.push(await loadBare('ranked: bare SQL (pg pool)', bare, ranked, DURATION));
    results.push(await loadHttp('ranked: gateway → inventory', gatewayUrl, ranked.map(toPath), DURATION));
    const oneProduct = `/api/products/${chickenPage1.items[0].id}`;
    console.log('  floor: one product by id, both sides...');
    results.push(await loadBare('floor: one product by id, bare SQL', { listProducts: () => bare.getProduct(chickenPage1.items[0].id) } as unknown as CatalogService, mix, 5));
    results.push(await loadHttp('floor: one product by id, gateway → inventory', gatewayUrl, [oneProduct], 5));
    const loadAfter = os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ');

    const [mixBare, mixHttp, rankedBare, rankedHttp] = results;
    const ratio = (http: Side, sql: Side) => sql.requestsPerSecond / http.requestsPerSecond;
    const fmt = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : Math.round(n).toString()) : '–');
    const table = [
      '| path | req/s | p50 ms | p97.5 ms | p99 ms | errors/non-2xx |',
      '|---|---:|---:|---:|---:|---:|',
      ...results.map((r) => `| ${r.name} | ${Math.round(r.requestsPerSecond)} | ${fmt(r.p50)} | ${fmt(r.p975)} | ${fmt(r.p99)} | ${r.errors} |`),
    ].join('\n');
    const rankedRatio = ratio(rankedHttp, rankedBare);
    const report = [
      `## ${new Date().toISOString()} — ${os.cpus().length} cores, Node ${process.version}, ${catalogSize} live products, ${CONNECTIONS} connections, ${DURATION}s per run`,
      '',
      `Load average (1/5/15 min) before: ${load}; after: ${loadAfter}.`,
      '',
      'Facet counts of queries with 2000+ matches are cached for 30 s (FacetCache); the ranked-only runs match fewer, so every request counts its facets.',
      '',
      'Mix (one request each, in turn): ' +
        mix
          .map(
            (q) =>
              '`' +
              toPath(q)
                .replace('/api/products?', '')
                .replace(/cursor=[^&]+/, 'cursor=…') +
              '`',
          )
          .join(', ') +
        '.',
      '',
      table,
      '',
      `- mix: bare SQL does ${fmt(ratio(mixHttp, mixBare))}× the requests per second of the full HTTP path (gateway → inventory → the same SQL)`,
      `- ranked search: ${fmt(rankedRatio)}× (goal ≤ 2×): ${rankedRatio <= 2 ? 'met' : 'NOT met'}; p99 through the gateway ${fmt(rankedHttp.p99)} ms (goal < 50 ms): ${rankedHttp.p99 < 50 ? 'met' : 'NOT met'}`,
      `- mix p99 through the gateway: ${fmt(mixHttp.p99)} ms (goal < 50 ms): ${mixHttp.p99 < 50 ? 'met' : 'NOT met'}`,
      '',
      '### As you type (issue 12)',
      '',
      `Every prefix of the ${relevanceCases.length} relevance queries as the search box sends them (limit 20, facets included), ${CONNECTIONS} connections, ${DURATION} s per warm run. ` +
        'Each inventory instance keeps listing pages until a catalog change is committed (SEARCH_CACHE_MB); "cold" is one pass over every query right after a change, so every request is a miss; "warm" runs follow one unmeasured pass over their queries; ' +
        `"busy" adds ${busy.writes} stock writes during the run, each making kept pages read their stock again. The mix and ranked rows above go through the same cache on the gateway side; the bare SQL rows never do.`,
      '',
      formatLatencyRuns(typing, 50),
      '',
      relevance,
    ].join('\n');
    console.log(`\n${report}`);
    const file = path.join(process.cwd(), 'bench/results/search.md');
    if (!fs.existsSync(file))
      fs.writeFileSync(file, '# Search benchmark results\n\nRerun with `npm run bench:search` (`BENCH_DURATION`, `BENCH_CONNECTIONS`, `BENCH_PRODUCTS`).\n\n');
    fs.appendFileSync(file, `${report}\n`);
    console.log(`appended to ${path.relative(process.cwd(), file)}`);
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
