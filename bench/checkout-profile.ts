// Profile summaries for bench:checkout (BENCH_CPU_PROF, BENCH_PG_LOG): where each app's CPU goes (V8 sampling profiles
// of the measurement window), which Postgres transactions make up the commits per order (the server's statement log
// of the bench's own database), and the Kafka requests per order (each app's galley_kafka_requests_total).
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

export interface CpuSummary {
  app: string;
  /** Non-idle samples. */
  busy: number;
  /** Shares of the busy samples (0..1). */
  topFunctions: { name: string; share: number }[];
  topPackages: { name: string; share: number }[];
  /** Node's internals and native code charged to the package that called them (sockets to pg, kafkajs, http...). */
  topCallers: { name: string; share: number }[];
}

/** Where a frame's code lives: a package, Node's internals, an app or lib of this repo, or V8 itself. */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  const own = /dist\/(apps|libs)\/([^/]+)/.exec(url);
  if (own) return `${own[1] === 'apps' ? 'app' : 'lib'} ${own[2]}`;
  return path.basename(url);
}

function shortUrl(url: string): string {
  const modules = /node_modules\/(.*)$/.exec(url);
  if (modules) return modules[1];
  const own = /dist\/(.*)$/.exec(url);
  return own ? own[1] : url.replace(/^node:/, '');
}

/**
 * Self time of one profile, as shares of its non-idle samples. The profile samples wall time while the main thread
 * is busy (on a loaded machine that includes time it waited for a core), so only shares are meaningful: the report
 * multiplies them by the process's CPU time from /proc.
 */
export function summarizeCpuProfile(app: string, file: string, top = 12): CpuSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const isInternal = (pkg: string) => pkg === 'node internals' || pkg === '(native)' || pkg === '(program)' || pkg === '(anonymous)';
  const callerCache = new Map<number, string>();
  const callerOf = (id: number): string => {
    const cached = callerCache.get(id);
    if (cached) return cached;
    const { url, functionName } = byId.get(id)!.callFrame;
    const pkg = packageOf(url, functionName);
    const parent = parentOf.get(id);
    const caller = isInternal(pkg) && parent !== undefined && byId.get(parent)!.callFrame.functionName !== '(root)' ? callerOf(parent) : pkg;
    callerCache.set(id, caller);
    return caller;
  };
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  const callers = new Map<string, number>();
  let busy = 0;
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const id of profile.samples) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busy += 1;
    add(functions, url ? `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}` : functionName || '(anonymous)');
    add(packages, packageOf(url, functionName));
    add(callers, callerOf(id));
  }
  const sorted = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, n]) => ({ name, share: n / Math.max(1, busy) }));
  return { app, busy, topFunctions: sorted(functions), topPackages: sorted(packages), topCallers: sorted(callers) };
}

/** `cpuMsPerOrder`: each app's CPU per order from /proc in the profiled window. */
export function cpuProfileReport(summaries: CpuSummary[], cpuMsPerOrder: Record<string, number>): string {
  const lines: string[] = [];
  for (const s of summaries) {
    const cpu = cpuMsPerOrder[s.app] ?? NaN;
    const row = (name: string, share: number) => `| ${name} | ${(share * cpu).toFixed(2)} | ${(100 * share).toFixed(1)} % |`;
    lines.push(`### ${s.app}: ${cpu.toFixed(1)} ms CPU per order (/proc), ${s.busy} busy samples`, '');
    lines.push('| self time by package | ms/order | share |', '|---|---:|---:|', ...s.topPackages.map((p) => row(p.name, p.share)));
    lines.push('', '| self time, Node internals charged to their calling package | ms/order | share |', '|---|---:|---:|', ...s.topCallers.map((p) => row(p.name, p.share)));
    lines.push('', '| top self-time functions | ms/order | share |', '|---|---:|---:|', ...s.topFunctions.map((f) => row(`\`${f.name.replace(/\|/g, '\\|')}\``, f.share)));
    lines.push('');
  }
  return lines.join('\n');
}

/** Statement text with literals and parameters folded, so equal statements count together. */
function normalizeSql(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/'(?:[^']|'')*'/g, "'?'")
    .replace(/\b\d+(\.\d+)?\b/g, 'N')
    .replace(/\$\d+/g, '$')
    .trim();
}

interface LoggedStatement {
  pid: string;
  user: string;
  ms: number;
  sql: string;
}

/**
 * Statements of one database from the server log (log_min_duration_statement = 0): each "duration: … statement:" or
 * "duration: … execute <name>:" entry with its continuation lines; parse and bind steps are left out.
 */
export function parseStatementLog(text: string, database: string): LoggedStatement[] {
  const statements: LoggedStatement[] = [];
  const head = /^\S+ \S+ \S+ \[(\d+)\] (\S+)@(\S+) LOG: {2}duration: ([\d.]+) ms {2}(statement|execute [^:]*): (.*)$/;
  let current: LoggedStatement | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) {
      if (current) current.sql += ` ${line.trim()}`;
      continue;
    }
    current = undefined;
    const match = head.exec(line);
    if (!match || match[3] !== database) continue;
    current = { pid: match[1], user: match[2], ms: Number(match[4]), sql: match[6] };
    statements.push(current);
  }
  return statements;
}

export interface TransactionKind {
  user: string;
  shape: string;
  count: number;
  statements: number;
  ms: number;
}

/**
 * Groups each connection's statements into transactions (BEGIN/START TRANSACTION … COMMIT/ROLLBACK, or one statement
 * outside a block, which Postgres also counts as a commit) and counts each kind: its role and its first statements.
 */
export function transactionKinds(statements: LoggedStatement[]): { kinds: TransactionKind[]; byStatement: TransactionKind[] } {
  const open = new Map<string, LoggedStatement[]>();
  const kinds = new Map<string, TransactionKind>();
  const byStatement = new Map<string, TransactionKind>();
  const control = /^(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SET LOCAL|SAVEPOINT|RELEASE SAVEPOINT)\b/i;
  const finish = (list: LoggedStatement[], user: string) => {
    const body = list.filter((s) => !control.test(s.sql.trim()));
    const shape =
      body.length === 0
        ? '(empty)'
        : body
            .slice(0, 3)
            .map((s) => normalizeSql(s.sql).slice(0, 90))
            .join(' ; ') + (body.length > 3 ? ` ; …(${body.length})` : '');
    const key = `${user}\u0000${shape}`;
    const kind = kinds.get(key) ?? { user, shape, count: 0, statements: 0, ms: 0 };
    kind.count += 1;
    kind.statements += list.length;
    kind.ms += list.reduce((sum, s) => sum + s.ms, 0);
    kinds.set(key, kind);
  };
  for (const statement of statements) {
    const sql = statement.sql.trim();
    const normalized = normalizeSql(sql).slice(0, 120);
    const statKey = `${statement.user}\u0000${normalized}`;
    const stat = byStatement.get(statKey) ?? { user: statement.user, shape: normalized, count: 0, statements: 0, ms: 0 };
    stat.count += 1;
    stat.ms += statement.ms;
    byStatement.set(statKey, stat);

    const block = open.get(statement.pid);
    // A simple query may hold several statements ("BEGIN; SET LOCAL ...", "UPDATE ...; COMMIT"): its first and last count.
    const ends = /^(COMMIT|ROLLBACK|END)\b/i.test(sql) || /;\s*(COMMIT|ROLLBACK|END)\s*;?$/i.test(sql);
    if (/^(BEGIN|START TRANSACTION)\b/i.test(sql)) {
      if (block) finish(block, statement.user);
      open.set(statement.pid, [statement]);
    } else if (block) {
      block.push(statement);
      if (ends) {
        open.delete(statement.pid);
        finish(block, statement.user);
      }
    } else {
      finish([statement], statement.user);
    }
  }
  const sorted = (map: Map<string, TransactionKind>) => [...map.values()].sort((a, b) => b.count - a.count);
  return { kinds: sorted(kinds), byStatement: sorted(byStatement) };
}

export function transactionReport(statements: LoggedStatement[], orders: number, top = 25): string {
  const { kinds, byStatement } = transactionKinds(statements);
  const per = (n: number) => (n / Math.max(1, orders)).toFixed(2);
  const total = kinds.reduce((sum, k) => sum + k.count, 0);
  const lines = [
    `${per(total)} transactions per order from the statement log (${total} for ${orders} orders), by role and first statements:`,
    '',
    '| role | transaction (first statements) | per order | statements each | ms each |',
    '|---|---|---:|---:|---:|',
    ...kinds
      .slice(0, top)
      .map(
        (k) =>
          `| ${k.user.replace(/^galley_/, '')} | \`${k.shape.replace(/\|/g, '\\|')}\` | ${per(k.count)} | ${(k.statements / k.count).toFixed(1)} | ${(k.ms / k.count).toFixed(2)} |`,
      ),
    '',
    '| role | statement | per order | total ms per order |',
    '|---|---|---:|---:|',
    ...byStatement
      .slice(0, top)
      .map((k) => `| ${k.user.replace(/^galley_/, '')} | \`${k.shape.replace(/\|/g, '\\|')}\` | ${per(k.count)} | ${(k.ms / Math.max(1, orders)).toFixed(2)} |`),
    '',
  ];
  return lines.join('\n');
}

/** galley_kafka_requests_total of one /metrics text, keyed "group api" (client id when there is no group). */
export function kafkaRequestCounts(metricsText: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith('galley_kafka_requests_total{')) continue;
    const labels = Object.fromEntries([...line.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    const key = `${labels.group || labels.client} ${labels.api}`;
    counts.set(key, (counts.get(key) ?? 0) + value);
  }
  return counts;
}
