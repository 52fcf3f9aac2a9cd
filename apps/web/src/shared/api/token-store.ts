/**
 * The access token lives in memory only; the refresh token is the httpOnly `galley_refresh`
 * cookie the users service sets (Path=/api/auth), which scripts never see.
 */
type Listener = () => void;

/**
 * A non-secret hint that a refresh cookie probably exists, so an anonymous visitor's first page
 * does not fire a refresh that can only fail (a 401 in the console on every visit).
 */
const HINT_KEY = 'galley.session';

function writeHint(present: boolean): void {
  try {
    if (present) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // Storage may be unavailable (private mode): then every start tries the refresh.
  }
}

let accessToken: string | null = null;
let version = 0;
const listeners = new Set<Listener>();

function changed(): void {
  version += 1;
  listeners.forEach((l) => l());
}

export const tokenStore = {
  getAccessToken: (): string | null => accessToken,
  /** Bumps on every change so queries keyed by it refetch for the new identity. */
  getVersion: (): number => version,
  set(token: string): void {
    accessToken = token;
    writeHint(true);
    changed();
  },
  clear(): void {
    accessToken = null;
    writeHint(false);
    changed();
  },
  /** Whether a silent refresh on start is worth trying. */
  mayHaveSession(): boolean {
    try {
      return localStorage.getItem(HINT_KEY) !== null;
    } catch {
      return true;
    }
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
