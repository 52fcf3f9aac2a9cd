import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { APP_NAMES, AppName, databaseRoleFor, SERVICE_NAMES, ServiceName, upstreamUrlVariable } from '@galley/config';
import { adminPool, testEnvironment } from './test-environment';

const OUTPUT_LIMIT = 512 * 1024;
const STOP_GRACE_MS = 10_000;

/**
 * One compiled app (dist/apps/<app>/src/main.js) in its own process. Its stdout and stderr are
 * kept in memory (the most recent 512 KB of each) for assertions and diagnostics.
 */
export class AppProcess {
  private readonly child: ChildProcess;
  private stdoutText = '';
  private stderrText = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly app: AppName,
    env: NodeJS.ProcessEnv,
  ) {
    const root = process.cwd();
    this.child = spawn(process.execPath, ['-r', path.join(root, 'scripts/register-paths.cjs'), path.join(root, 'dist/apps', app, 'src/main.js')], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.stdoutText = keepTail(this.stdoutText + chunk.toString())));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderrText = keepTail(this.stderrText + chunk.toString())));
    this.exited = new Promise((resolve) => {
      // 'close' waits for the pipes to drain, so the output is complete when this resolves.
      this.child.once('close', (code, signal) => resolve({ code, signal }));
      this.child.once('error', (error) => {
        this.stderrText += `\n[spawn error] ${error.message}`;
        resolve({ code: null, signal: null });
      });
    });
    liveChildren.add(this.child);
    void this.exited.then(() => liveChildren.delete(this.child));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get stdout(): string {
    return this.stdoutText;
  }

  get stderr(): string {
    return this.stderrText;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGTERM, then SIGKILL if the process has not exited after `graceMs`. */
  async stop(graceMs = STOP_GRACE_MS): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.running) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (this.running) this.child.kill('SIGKILL');
      }, graceMs);
      try {
        return await this.exited;
      } finally {
        clearTimeout(timer);
      }
    }
    return this.exited;
  }

  /** kill -9: no shutdown hooks, no flushing, like a node that loses power. */
  async kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.running) this.child.kill('SIGKILL');
    return this.exited;
  }

  /** The last lines of both streams, for an error message. */
  tail(lines = 25): string {
    const last = (text: string) => text.trimEnd().split('\n').slice(-lines).join('\n');
    return (
      `--- ${this.app} (pid ${this.pid ?? '?'}, ${this.running ? 'running' : `exited ${this.child.exitCode ?? this.child.signalCode}`}) ---\n` +
      `[stderr]\n${last(this.stderrText) || '(empty)'}\n[stdout]\n${last(this.stdoutText) || '(empty)'}`
    );
  }
}

export interface RunningSystemOptions {
  /** Ports to use for some apps; the others get free ports the kernel hands out. */
  ports?: Partial<Record<AppName, number>>;
  /** Extra variables for every app (e.g. LOG_LEVEL). */
  env?: NodeJS.ProcessEnv;
  /** Extra variables for one app. */
  appEnv?: Partial<Record<AppName, NodeJS.ProcessEnv>>;
  readyTimeoutMs?: number;
  /** Another broker than the test broker (e.g. one a crash test kills); topics must exist on it. */
  kafkaBrokers?: string[];
  /** Another Postgres than the test one (e.g. one a chaos run restarts); provisioned like galley_test. */
  database?: { host: string; port: number; name: string };
}

/**
 * The six compiled apps as child processes on free ports of their own, against the test database and the
 * test broker that `npm test` provisioned (topics there have no prefix), or another database and broker.
 * `RunningSystem.start()` resolves once the gateway's aggregate readiness is 200.
 */
export class RunningSystem {
  private readonly processes = new Map<AppName, AppProcess>();
  private constructor(
    private readonly options: RunningSystemOptions,
    private readonly ports: Record<AppName, number>,
  ) {}

  static async start(options: RunningSystemOptions = {}): Promise<RunningSystem> {
    const system = new RunningSystem(options, await portsFor(options.ports ?? {}));
    const busy = (await Promise.all(APP_NAMES.map(async (app) => ((await portInUse(system.ports[app])) ? app : undefined)))).filter(Boolean);
    if (busy.length > 0) {
      throw new Error(`ports already in use: ${busy.map((app) => `${app}=${system.ports[app!]}`).join(', ')} (a previous run left processes behind?)`);
    }
    await system.resetSharedRateLimits();
    for (const service of SERVICE_NAMES) system.spawn(service);
    system.spawn('gateway');
    try {
      await system.waitUntilReady(options.readyTimeoutMs ?? 90_000);
    } catch (error) {
      await system.stopAll();
      throw error;
    }
    return system;
  }

  get brokers(): string[] {
    return this.options.kafkaBrokers ?? testEnvironment.kafkaBrokers;
  }

  get gatewayUrl(): string {
    return this.urlOf('gateway');
  }

  serviceUrl(name: ServiceName): string {
    return this.urlOf(name);
  }

  urlOf(app: AppName): string {
    return `http://127.0.0.1:${this.ports[app]}`;
  }

  port(app: AppName): number {
    return this.ports[app];
  }

  /** The process of an app (the latest one after a restart). */
  process(app: AppName): AppProcess | undefined {
    return this.processes.get(app);
  }

  /** Stops one app (SIGTERM, then SIGKILL after 10 s); resolves with how it exited. */
  async stop(app: AppName): Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined> {
    return this.processes.get(app)?.stop();
  }

  /** kill -9 of one app. */
  async kill(app: AppName): Promise<void> {
    await this.processes.get(app)?.kill();
  }

  /** (Re)starts one app and waits until it answers its own readiness (liveness for the gateway). */
  async start(app: AppName, timeoutMs = 60_000): Promise<void> {
    const previous = this.processes.get(app);
    if (previous?.running) await previous.stop();
    await waitUntilPortFree(this.ports[app]);
    const child = this.spawn(app);
    const probe = app === 'gateway' ? '/health/live' : '/health/ready';
    await this.waitFor(`${app} ${probe} to answer 200`, timeoutMs, async () => {
      if (!child.running) throw new ExitedError(app);
      const res = await fetch(`${this.urlOf(app)}${probe}`, { signal: AbortSignal.timeout(3000) });
      await res.arrayBuffer();
      return res.status === 200;
    });
  }

  /** Stops every app at once and resolves when each process has exited and its port is free again. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.processes.values()].map((child) => child.stop()));
    await Promise.all(APP_NAMES.map((app) => waitUntilPortFree(this.ports[app])));
    for (const app of APP_NAMES) handedOut.delete(this.ports[app]);
  }

  /** The tail of every app's output, for a failing assertion's message. */
  diagnostics(lines = 25): string {
    return [...this.processes.values()].map((child) => child.tail(lines)).join('\n');
  }

  /** Waits until every service is ready (the gateway's /health/services) and the gateway itself is (/health/ready). */
  async waitUntilReady(timeoutMs = 90_000): Promise<void> {
    await this.waitFor('the gateway /health/services and /health/ready to answer 200', timeoutMs, async () => {
      const gone = [...this.processes.values()].find((child) => !child.running);
      if (gone) throw new ExitedError(gone.app);
      for (const probe of ['/health/services', '/health/ready']) {
        const res = await fetch(`${this.gatewayUrl}${probe}`, { signal: AbortSignal.timeout(5000) });
        const body = await res.text();
        if (res.status !== 200) throw new Error(`${probe}: ${res.status} ${body}`);
      }
      return true;
    });
  }

  /**
   * users keeps its per-address budget of /api/auth in Postgres (shared by its instances). Every test
   * client is 127.0.0.1, so each system starts with a fresh budget, as when it was in memory.
   */
  private async resetSharedRateLimits(): Promise<void> {
    const target = this.options.database;
    const pool = adminPool(target ? { host: target.host, port: target.port, database: target.name, max: 1 } : { max: 1 });
    try {
      await pool.query(`DELETE FROM users.rate_limit_hits`);
    } catch (error) {
      // A database migrated before the table existed has nothing to reset.
      if ((error as { code?: string }).code !== '42P01') throw error;
    } finally {
      await pool.end();
    }
  }

  private spawn(app: AppName): AppProcess {
    const child = new AppProcess(app, this.envFor(app));
    this.processes.set(app, child);
    return child;
  }

  private envFor(app: AppName): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      ...this.options.env,
      PORT: String(this.ports[app]),
    };
    if (app === 'gateway') {
      for (const service of SERVICE_NAMES) env[upstreamUrlVariable(service)] = this.urlOf(service);
      // Live order status (SSE) reads the orders topic.
      Object.assign(env, { KAFKA_BROKERS: this.brokers.join(','), KAFKA_TOPIC_PREFIX: '' });
      // The web app's build for the browser tests (npm test builds it before jest).
      env.WEB_DIST_DIR ??= path.join(process.cwd(), 'apps/web/dist');
    } else {
      // DB_HOST and DB_PORT come from the environment when set; passing the defaults explicitly
      // would trip ServiceConfig, whose un-annotated numeric settings reject any value from env.
      if (this.options.database) Object.assign(env, { DB_HOST: this.options.database.host, DB_PORT: String(this.options.database.port) });
      Object.assign(env, {
        DB_NAME: this.options.database?.name ?? testEnvironment.databaseName,
        DB_USER: databaseRoleFor(app),
        DB_PASSWORD: process.env[`DB_PASSWORD_${app.toUpperCase()}`] ?? `galley_${app}_dev`,
        KAFKA_BROKERS: this.brokers.join(','),
        KAFKA_TOPIC_PREFIX: '',
      });
      // Services verify access tokens with the keys the users service of this system publishes.
      env.JWT_JWKS_URL ??= `${this.urlOf('users')}/.well-known/jwks.json`;
    }
    return { ...env, ...this.options.appEnv?.[app] };
  }

  private async waitFor(what: string, timeoutMs: number, probe: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      try {
        if (await probe()) return;
      } catch (error) {
        if (error instanceof ExitedError) {
          throw new Error(`${error.app} exited while waiting for ${what}\n${this.diagnostics()}`, { cause: error });
        }
        last = error instanceof Error ? error.message : String(error);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what} (last: ${last.slice(0, 2000)})\n${this.diagnostics()}`);
  }
}

class ExitedError extends Error {
  constructor(readonly app: AppName) {
    super(`${app} exited`);
  }
}

function keepTail(text: string): string {
  return text.length > OUTPUT_LIMIT ? text.slice(text.length - OUTPUT_LIMIT) : text;
}

/** Ports handed to systems of this process and not yet released, so two systems started at once never share one. */
const handedOut = new Set<number>();

/** The pinned ports, and free ones from the kernel (bound to port 0, then released) for every other app. */
async function portsFor(pinned: Partial<Record<AppName, number>>): Promise<Record<AppName, number>> {
  const ports = {} as Record<AppName, number>;
  for (const app of APP_NAMES) {
    let port = pinned[app];
    while (port === undefined || (pinned[app] === undefined && handedOut.has(port))) port = await kernelFreePort();
    ports[app] = port;
    handedOut.add(port);
  }
  return ports;
}

/** A port no one listens on now, from the kernel (for a broker or database a test starts itself). */
export async function freePort(): Promise<number> {
  let port = await kernelFreePort();
  while (handedOut.has(port)) port = await kernelFreePort();
  handedOut.add(port);
  return port;
}

function kernelFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the port can be bound again (the process that listened there has let go of it). */
async function waitUntilPortFree(port: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => resolve(true)));
    });
    if (free) return;
    if (Date.now() > deadline) throw new Error(`port ${port} still in use ${timeoutMs / 1000} s after its app exited`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

// A crashed or interrupted test run must not leave apps listening on the e2e ports.
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});
