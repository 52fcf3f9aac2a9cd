import { safeStorage } from './ticket-age';

export const ACK_KEY = 'galley.admin.board.acknowledged';
const KEEP = 300;

/** Orders someone has acknowledged on this device (so a reload does not ring for them again). */
export function loadAcknowledged(storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): Set<string> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(ACK_KEY) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveAcknowledged(ids: ReadonlySet<string>, storage: Pick<Storage, 'setItem'> | undefined = safeStorage()): void {
  try {
    storage?.setItem(ACK_KEY, JSON.stringify([...ids].slice(-KEEP)));
  } catch {
    /* kept in memory only */
  }
}
