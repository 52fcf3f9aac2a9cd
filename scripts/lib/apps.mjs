// The apps `npm start` runs and the record of which processes it started.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './kafka-broker.mjs';

export const APPS = ['users', 'inventory', 'orders', 'payments', 'reviews', 'gateway'];
export const PORTS = { gateway: 8080, users: 3001, inventory: 3002, orders: 3003, payments: 3004, reviews: 3005 };
export const RUN_DIR = path.join(ROOT, '.cache', 'run');
const STATE_FILE = path.join(RUN_DIR, 'state.json');

export function readRunState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
  } catch {
    return {};
  }
}

export function writeRunState(state) {
  fs.mkdirSync(RUN_DIR, { recursive: true });
  fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the app processes recorded in the run state, checking each is still our app. */
export async function stopApps() {
  const state = readRunState();
  const pids = Object.entries(state.pids ?? {});
  for (const [app, pid] of pids) {
    const cmdline = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
    if (alive(pid) && cmdline.includes(path.join('dist/apps', app))) process.kill(pid, 'SIGTERM');
  }
  const deadline = Date.now() + 15_000;
  while (pids.some(([, pid]) => alive(pid)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  for (const [, pid] of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  writeRunState({ ...state, pids: {} });
  return pids.length;
}
