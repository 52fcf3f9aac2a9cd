/**
 * The access token lives in memory only; the refresh token is the httpOnly `galley_refresh`
 * cookie the users service sets (Path=/api/auth), which scripts never see.
 */
type Listener = () => void;

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
    changed();
  },
  clear(): void {
    accessToken = null;
    changed();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
