// Provisions and runs a single-node Apache Kafka broker (KRaft) from the official jars on Maven
// Central. No Docker: Maven fetches the broker and its runtime dependencies once into .cache/.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { step } from './log.mjs';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const KAFKA_DIR = path.join(ROOT, 'infra', 'kafka');
const CACHE = path.join(ROOT, '.cache', 'kafka');
const LIB = path.join(CACHE, 'lib');

function pomHash() {
  return createHash('sha256')
    .update(fs.readFileSync(path.join(KAFKA_DIR, 'pom.xml')))
    .digest('hex');
}

/** Fetches the broker jars unless the cache already holds the set the pom declares. */
export function ensureKafkaJars() {
  const marker = path.join(LIB, '.complete');
  const wanted = pomHash();
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) {
    step('Kafka broker jars: cached');
    return;
  }
  step('Kafka broker jars: fetching org.apache.kafka:kafka_2.13 from Maven Central (once)...');
  fs.rmSync(LIB, { recursive: true, force: true });
  fs.mkdirSync(LIB, { recursive: true });
  const result = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      path.join(KAFKA_DIR, 'pom.xml'),
      'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies',
      `-DoutputDirectory=${LIB}`,
      '-DincludeScope=runtime',
    ],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('mvn could not fetch the Kafka broker jars (see the output above)');
  fs.writeFileSync(marker, wanted);
  step(`Kafka broker jars: ${fs.readdirSync(LIB).filter((f) => f.endsWith('.jar')).length} jars in .cache/kafka/lib`);
}

export function portAnswers(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** True when a Kafka broker answers a metadata request on the port. */
export async function brokerReady(port) {
  if (!(await portAnswers(port))) return false;
  const { Kafka, logLevel } = await import('kafkajs');
  const admin = new Kafka({
    brokers: [`127.0.0.1:${port}`],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export function brokerPaths(name) {
  const dir = path.join(CACHE, name);
  return { dir, pidFile: path.join(dir, 'broker.pid'), logFile: path.join(dir, 'broker.log'), dataDir: path.join(dir, 'data') };
}

function serverProperties({ port, controllerPort, dataDir }) {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}`,
    `log.dirs=${dataDir}`,
    'num.partitions=3',
    // Single node: every internal topic has one replica.
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=10',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'min.insync.replicas=1',
    // Consumers join at once instead of waiting 3 s for more members (fast tests and restarts).
    'group.initial.rebalance.delay.ms=0',
    // After a kill -9 the controller keeps the new incarnation fenced until the old one's session expires: 9 s by
    // default, measured as 9-13 s between controller activation and "started" (4-7 s with 3 s; 4 s leaves a margin
    // for a busy 2-core machine, where a broker that misses its own heartbeats is fenced).
    'broker.session.timeout.ms=4000',
    'broker.heartbeat.interval.ms=1000',
    // Topics are created on purpose (provisioning), never by a typo in a producer.
    'auto.create.topics.enable=false',
    'log.retention.hours=168',
    '',
  ].join('\n');
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPid(pidFile) {
  const pid = Number(fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8').trim() : NaN);
  return Number.isInteger(pid) && pid > 0 && pidAlive(pid) ? pid : undefined;
}

/**
 * Starts a broker named `name` (its own data dir) on `port`, or reuses one that already answers
 * there. Returns whether this call started it, so callers stop only what they started.
 */
export async function startBroker({ name, port, controllerPort, heapMb = 512 }) {
  if (await brokerReady(port)) {
    step(`Kafka: a broker already answers on 127.0.0.1:${port}; reusing it`);
    return { started: false, port };
  }
  ensureKafkaJars();
  const paths = brokerPaths(name);
  fs.mkdirSync(paths.dataDir, { recursive: true });
  const stale = readPid(paths.pidFile);
  if (stale) throw new Error(`Kafka broker ${name} (pid ${stale}) is running but not answering on ${port}; see ${paths.logFile}`);

  const propsFile = path.join(paths.dir, 'server.properties');
  fs.writeFileSync(propsFile, serverProperties({ port, controllerPort, dataDir: paths.dataDir }));
  const classpath = `${LIB}/*`;
  const idFile = path.join(paths.dir, 'cluster.id');
  if (!fs.existsSync(idFile)) {
    const id = spawnSync('java', ['-cp', classpath, 'kafka.tools.StorageTool', 'random-uuid'], { encoding: 'utf8' });
    if (id.status !== 0) throw new Error(`could not create a Kafka cluster id: ${id.stderr}`);
    fs.writeFileSync(idFile, id.stdout.trim().split('\n').pop());
  }
  const clusterId = fs.readFileSync(idFile, 'utf8').trim();
  // A formatted data directory needs no second format: that JVM start alone costs 2-4 s of every restart.
  const format = fs.existsSync(path.join(paths.dataDir, 'meta.properties'))
    ? { status: 0 }
    : spawnSync('java', ['-cp', classpath, 'kafka.tools.StorageTool', 'format', '--standalone', '-t', clusterId, '-c', propsFile, '--ignore-formatted'], { encoding: 'utf8' });
  if (format.status !== 0) throw new Error(`could not format Kafka storage: ${format.stderr || format.stdout}`);

  step(`Kafka: starting broker "${name}" on 127.0.0.1:${port} (KRaft, log ${path.relative(ROOT, paths.logFile)})`);
  const log = fs.openSync(paths.logFile, 'a');
  const child = spawn(
    'java',
    [
      `-Xms${Math.min(256, heapMb)}m`,
      `-Xmx${heapMb}m`,
      '-XX:+UseG1GC',
      `-Dlog4j2.configurationFile=${path.join(KAFKA_DIR, 'log4j2.yaml')}`,
      '-cp',
      classpath,
      'kafka.Kafka',
      propsFile,
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  child.unref();
  fs.writeFileSync(paths.pidFile, String(child.pid));

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (!pidAlive(child.pid)) throw new Error(`Kafka broker exited during start-up; see ${paths.logFile}`);
    if (await brokerReady(port)) {
      step(`Kafka: broker "${name}" ready (pid ${child.pid})`);
      return { started: true, port, pid: child.pid };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Kafka broker did not become ready within 90 s; see ${paths.logFile}`);
}

/** Stops the broker this project started under `name` (by its pid file), and nothing else. */
export async function stopBroker(name, { signal = 'SIGTERM', timeoutMs = 30_000 } = {}) {
  const paths = brokerPaths(name);
  const pid = readPid(paths.pidFile);
  if (!pid) return false;
  const cmdline = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
  if (!cmdline.includes('kafka.Kafka') || !cmdline.includes(paths.dir)) {
    fs.rmSync(paths.pidFile, { force: true });
    return false;
  }
  process.kill(pid, signal);
  const deadline = Date.now() + timeoutMs;
  while (pidAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(paths.pidFile, { force: true });
  return true;
}
