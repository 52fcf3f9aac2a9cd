import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { api, refreshSession, storeTokens } from '../api/client';
import { unwrap } from '../api/errors';
import type { Me } from '../api/pending-paths';
import { tokenStore } from '../api/token-store';

export type SessionStatus = 'restoring' | 'signed-out' | 'signed-in';

export type Session = {
  status: SessionStatus;
  user: Me | null;
  /** True while the signed-in user is a guest account made at checkout. */
  isGuest: boolean;
  signIn(email: string, password: string): Promise<void>;
  register(input: { name: string; email: string; password: string }): Promise<void>;
  continueAsGuest(input: { name?: string; email?: string }): Promise<void>;
  upgrade(input: { name: string; email: string; password: string }): Promise<void>;
  signOut(): Promise<void>;
};

const SessionContext = createContext<Session | null>(null);

function useTokenVersion(): number {
  return useSyncExternalStore(tokenStore.subscribe, tokenStore.getVersion, tokenStore.getVersion);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const version = useTokenVersion();
  const [restoring, setRestoring] = useState(true);

  useEffect(() => {
    let live = true;
    // A reload keeps you signed in: the refresh cookie buys a new access token.
    if (!tokenStore.mayHaveSession()) {
      setRestoring(false);
      return;
    }
    void refreshSession().finally(() => live && setRestoring(false));
    return () => {
      live = false;
    };
  }, []);

  const hasToken = tokenStore.getAccessToken() !== null;
  const me = useQuery({
    queryKey: ['me', version],
    enabled: hasToken,
    staleTime: 60_000,
    retry: false,
    queryFn: async () => unwrap(await api.GET('/api/users/me')) as Me,
  });

  const afterChange = useCallback(async () => {
    await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'orders' || q.queryKey[0] === 'addresses' });
  }, [queryClient]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const result = await api.POST('/api/auth/login', { body: { email, password, cookie: true } });
      storeTokens(unwrap(result));
      await afterChange();
    },
    [afterChange],
  );

  const register = useCallback(
    async (input: { name: string; email: string; password: string }) => {
      unwrap(await api.POST('/api/auth/register', { body: input }));
      await signIn(input.email, input.password);
    },
    [signIn],
  );

  const continueAsGuest = useCallback(
    async (input: { name?: string; email?: string }) => {
      const result = await api.POST('/api/auth/guest', {
        body: { ...(input.name ? { name: input.name } : {}), ...(input.email ? { email: input.email } : {}), cookie: true },
      });
      storeTokens(unwrap(result));
      await afterChange();
    },
    [afterChange],
  );

  const upgrade = useCallback(
    async (input: { name: string; email: string; password: string }) => {
      unwrap(await api.POST('/api/users/me/upgrade', { body: input }));
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api.POST('/api/auth/logout', { body: {} });
    } finally {
      tokenStore.clear();
      queryClient.removeQueries({ predicate: (q) => ['me', 'orders', 'addresses', 'order'].includes(String(q.queryKey[0])) });
    }
  }, [queryClient]);

  const user = hasToken ? (me.data ?? null) : null;
  const status: SessionStatus = restoring || (hasToken && me.isPending) ? 'restoring' : user ? 'signed-in' : 'signed-out';

  const value = useMemo<Session>(
    () => ({ status, user, isGuest: Boolean(user?.guest), signIn, register, continueAsGuest, upgrade, signOut }),
    [status, user, signIn, register, continueAsGuest, upgrade, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
