import fs from 'node:fs';
import path from 'node:path';
import { formatCounts } from './chaos-checks';
import { ChaosReport } from './chaos-run';

/** Writes `<dir>/chaos.json` (everything measured) and `<dir>/chaos.md` (the same, to read). */
export function writeChaosReport(report: ChaosReport, dir: string): { json: string; markdown: string } {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'chaos.json');
  const markdown = path.join(dir, 'chaos.md');
  fs.writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(markdown, chaosMarkdown(report));
  return { json, markdown };
}

export function chaosMarkdown(report: ChaosReport): string {
  const s = (ms: number | null) => (ms === null ? '—' : (ms / 1000).toFixed(1));
  const { load } = report.options;
  return [
    '# Chaos run',
    '',
    'Rerun with `npm run chaos` (`npm run chaos -- --help` for the knobs). The run takes the machine: it starts a Postgres',
    'cluster, a Kafka broker and the six apps of its own, drives a checkout load and breaks one thing at a time.',
    '',
    `## ${report.startedAt} — ${report.passed ? 'every invariant held' : 'INVARIANTS BROKEN'}`,
    '',
    `${report.machine.cores} cores, Node ${report.machine.node}, load average at start ${report.machine.loadAverageAtStart.join(' ')}; ${report.durationS} s in all.`,
    '',
    `Load: ${report.orders.accepted} orders accepted (${report.orders.placementsPerSecond}/s) from ${load.concurrency} customers at once over ${load.products} products of ${load.stockPerProduct} units;`,
    `every ${load.webhookEvery}th paid by signed webhooks (the success three times, two at once, with a stale failure shuffled in: ${report.orders.paidByWebhooks} such orders confirmed),`,
    `every ${load.doubleSubmitEvery}th placed twice at once with one Idempotency-Key, every failed request retried with the same key (${report.orders.clientRetries} retries).`,
    `Final statuses: ${formatCounts(report.orders.byStatus)}.${report.orders.abandonedByClients.length ? ` Clients gave up on ${report.orders.abandonedByClients.length} checkouts.` : ''}`,
    '',
    `Faults, one at a time, each after ${s(report.options.gapMs)} s of healthy load; a killed process stays down ${s(report.options.downMs)} s.`,
    '',
    '| fault | at s | orders in flight | SIGTERM: exited after, s | process up after restart, s | ready after restart, s | new checkout final after restart, s | in-flight orders final after ready, s | held |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...report.faults.map(
      (fault) =>
        `| ${fault.how} | ${fault.atS} | ${fault.inFlight} | ${fault.exit ? `${s(fault.exit.millis)}${fault.exit.graceful ? '' : ` (**killed**: ${fault.exit.signal ?? fault.exit.code})`}` : ''} | ${s(fault.upMs)} | ${s(fault.readyMs)} | ` +
        `${s(fault.canaryFinalMs)}${fault.canaryStatus && fault.canaryStatus !== 'CONFIRMED' ? ` (${fault.canaryStatus})` : ''} | ${s(fault.inFlightFinalMs)} | ${fault.held ? 'yes' : '**no**'} |`,
    ),
    '',
    `After the last recovery the load stopped; every accepted order was final ${s(report.allFinalMs)} s later.`,
    '',
    '| invariant | held | detail |',
    '|---|---|---|',
    ...report.invariants.map((invariant) => `| ${invariant.name} | ${invariant.held ? 'yes' : '**no**'} | ${invariant.detail.replace(/\|/g, '\\|')} |`),
    '',
    '"Ready" is the gateway\'s aggregate readiness (every service reaches Postgres and Kafka). "New checkout final" is a',
    'checkout started at the restart command, through placement, reservation, payment and confirmation, of a product of its',
    'own that never runs out: the time until the whole flow works again, consumer groups included.',
    '',
  ].join('\n');
}
