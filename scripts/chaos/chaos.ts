// `npm run chaos`: the full chaos run on this machine (docs/chaos.md). Writes bench/results/chaos.json and chaos.md;
// exits 1 when an invariant broke.
import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '@galley/testing';
import { ALL_FAULTS, FaultName, runChaos } from './chaos-run';
import { writeChaosReport } from './chaos-report';

const HELP = `usage: npm run chaos -- [--orders N] [--concurrency N] [--gap S] [--faults a,b,...] [--out DIR]
  --orders       orders placed at least (default 1000; the load runs until every fault is done)
  --concurrency  customers ordering at once (default 12)
  --gap          seconds of healthy load before each fault (default 12: the 14 faults spread over about 1,000 orders)
  --faults       comma-separated, in order (default ${ALL_FAULTS.join(',')})
  --out          where chaos.json and chaos.md go (default bench/results)`;

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '12' },
    gap: { type: 'string', default: '12' },
    faults: { type: 'string', default: ALL_FAULTS.join(',') },
    out: { type: 'string', default: 'bench/results' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const orders = Number(values.orders);
const concurrency = Number(values.concurrency);
const gapS = Number(values.gap);
const faults = values.faults.split(',').filter(Boolean) as FaultName[];
const unknown = faults.filter((fault) => !ALL_FAULTS.includes(fault));
if (!Number.isInteger(orders) || orders < 1 || !Number.isInteger(concurrency) || concurrency < 1 || !(gapS >= 0) || unknown.length > 0) {
  console.error(`${unknown.length ? `unknown fault(s): ${unknown.join(', ')}\n` : ''}${HELP}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const products = 5;
  const report = await runChaos({
    // Free ports: the run never meets another test's broker or database.
    infra: { name: 'full', postgresPort: await freePort(), brokerPort: await freePort(), brokerControllerPort: await freePort(), database: 'galley_chaos' },
    // The units `orders` orders ask for (4 in 3 ask one, 1 in 3 two): the stock lasts until about the last fault (the
    // load goes on until every fault has recovered), then the last units are contested and the orders after them refused.
    // At 85 % the products sold out before the broker and Postgres faults, which then had no payment in flight.
    load: {
      orders,
      concurrency,
      products,
      stockPerProduct: Math.ceil((orders * 4) / 3 / products),
      webhookEvery: 4,
      doubleSubmitEvery: 10,
      checkoutTimeoutMs: 240_000,
      thinkMs: 1500,
    },
    faults,
    downMs: 2000,
    gapMs: gapS * 1000,
    finalWithinMs: 60_000,
  });
  const written = writeChaosReport(report, path.resolve(values.out));
  console.log(
    `chaos: ${report.passed ? 'every invariant held' : 'INVARIANTS BROKEN'}; report in ${path.relative(process.cwd(), written.markdown)} and ${path.relative(process.cwd(), written.json)}`,
  );
  process.exit(report.passed ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(`chaos run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
