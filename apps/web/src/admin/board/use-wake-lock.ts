import { useEffect, useState } from 'react';

export type WakeLockState = 'unsupported' | 'off' | 'on';

type WakeLockSentinelLike = { released: boolean; release(): Promise<void>; addEventListener(type: 'release', cb: () => void): void };
type WakeLockLike = { request(type: 'screen'): Promise<WakeLockSentinelLike> };

/** Keeps the screen awake while the board is open, where the browser allows; asks again when the tab is shown. */
export function useWakeLock(enabled: boolean, retryKey: unknown): WakeLockState {
  const wakeLock = typeof navigator !== 'undefined' ? (navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock : undefined;
  const [state, setState] = useState<WakeLockState>(wakeLock ? 'off' : 'unsupported');

  useEffect(() => {
    if (!wakeLock || !enabled) return;
    let sentinel: WakeLockSentinelLike | null = null;
    let live = true;
    const acquire = async () => {
      if (document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      try {
        sentinel = await wakeLock.request('screen');
        if (!live) return void sentinel.release();
        setState('on');
        sentinel.addEventListener('release', () => live && setState('off'));
      } catch {
        setState('off');
      }
    };
    void acquire();
    const onVisible = () => void acquire();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onVisible);
      void sentinel?.release().catch(() => undefined);
    };
  }, [wakeLock, enabled, retryKey]);

  return state;
}
