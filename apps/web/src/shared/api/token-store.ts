/**
 * The access token lives in memory only. The refresh token is an httpOnly cookie the users
 * service sets (Path=/api/auth); while the server still returns it in the body instead, it is
 * kept in memory too (never in storage), so a reload then signs you out.
 */
type Listener = () => void;

let accessToken: string | null = null;
let refreshToken: string | null = null;
let version = 0;
const listeners = new Set<Listener>();

export const tokenStore = {
  getAccessToken: (): string | null => accessToken,
  getRefreshToken: (): string | null => refreshToken,
  /** Bumps on every change so queries keyed by it refetch for the new identity. */
  getVersion: (): number => version,
  set(tokens: { accessToken: string; refreshToken?: string | null }): void {
    accessToken = tokens.accessToken;
    if (tokens.refreshToken !== undefined) refreshToken = tokens.refreshToken;
    version += 1;
    listeners.forEach((l) => l());
  },
  clear(): void {
    accessToken = null;
    refreshToken = null;
    version += 1;
    listeners.forEach((l) => l());
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
