import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A Postgres cluster of one's own (initdb into a directory, pg_ctl on its own port, TCP on 127.0.0.1 only), for a chaos
 * run that crashes it or a test that needs a server configured differently from the machine's (TLS only, say). The
 * machine's Postgres on 5432 is never touched.
 */
export class PostgresCluster {
  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  /** A new cluster in `dataDir` (created if missing, must be empty) with the superuser `postgres` and trust auth. */
  async init(): Promise<void> {
    fs.mkdirSync(this.dataDir, { recursive: true });
    if (AS_POSTGRES) await runCommand('chown', ['postgres:postgres', this.dataDir]);
    await runCommand(...asPostgres(pgBinary('initdb'), ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']));
  }

  /** Writes a file into the data directory as the cluster's owner (pg_hba.conf, a certificate, its key: 0600 by default). */
  async writeFile(name: string, content: string, mode = 0o600): Promise<string> {
    const file = path.join(this.dataDir, name);
    fs.writeFileSync(file, content, { mode });
    fs.chmodSync(file, mode);
    if (AS_POSTGRES) await runCommand('chown', ['postgres:postgres', file]);
    return file;
  }

  /**
   * Starts the server and waits until it accepts connections (pg_ctl -w). No unix socket: it is reached over TCP only,
   * so it cannot shadow the machine's socket. `settings` are extra server parameters (`-c name=value`).
   */
  async start(settings: Record<string, string | number> = {}): Promise<void> {
    const all: Record<string, string | number> = { listen_addresses: '127.0.0.1', unix_socket_directories: '', fsync: 'off', ...settings };
    // pg_ctl hands the options to a shell: each value goes in single quotes, so it may not hold one.
    const quoted = Object.entries(all).map(([name, value]) => {
      if (String(value).includes("'")) throw new Error(`Postgres setting ${name} may not contain a single quote`);
      return `-c ${name}='${value}'`;
    });
    const options = [`-p ${this.port}`, ...quoted].join(' ');
    await this.pgCtl(['start', '-w', '-t', '60', '-o', options, '-l', path.join(this.dataDir, 'server.log')]);
  }

  get running(): boolean {
    return fs.existsSync(path.join(this.dataDir, 'postmaster.pid'));
  }

  /** `fast` ends sessions cleanly; `immediate` is the crash-like stop (recovery on the next start). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    if (this.running) await this.pgCtl(['stop', '-m', mode, '-w'], true);
  }

  /** Stops the server and deletes the data directory. */
  async remove(): Promise<void> {
    await this.stop('immediate');
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** The tail of the server's log, for an error message. */
  logTail(chars = 2000): string {
    const file = path.join(this.dataDir, 'server.log');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').slice(-chars) : '';
  }

  private pgCtl(args: string[], tolerateFailure = false): Promise<void> {
    return runCommand(...asPostgres(pgBinary('pg_ctl'), ['-D', this.dataDir, ...args]), process.env, tolerateFailure);
  }
}

/** Debian's binaries refuse to run as root; the cluster belongs to the postgres account then. */
const AS_POSTGRES = process.getuid?.() === 0;

function asPostgres(binary: string, args: string[]): [string, string[]] {
  return AS_POSTGRES ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
}

/** GALLEY_PG_BIN, else the newest /usr/lib/postgresql/<version>/bin (Debian keeps initdb off the PATH), else the PATH. */
function pgBinary(name: string): string {
  if (process.env.GALLEY_PG_BIN) return path.join(process.env.GALLEY_PG_BIN, name);
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', name))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? path.join(root, newest, 'bin', name) : name;
}

/** Runs a command to its end without blocking the event loop; rejects with the end of its output when it fails. */
export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, tolerateFailure = false): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: process.cwd(), env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && !tolerateFailure)
        reject(new Error(`${path.basename(command)} ${args.slice(0, 3).join(' ')} failed (${error.code ?? error.signal}): ${(stderr || stdout).slice(-2000)}`));
      else resolve();
    });
  });
}
