import { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { queryRows } from '@galley/platform';

const SWEEP_INTERVAL_MS = 60_000;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * @nestjs/throttler's counters in `users.rate_limit_hits`, so every instance of users counts the
 * same requests per address (a fixed window per key). One upsert per request: it starts a new
 * window when the old one has ended, else adds one; refused requests count too, so hammering
 * does not shorten the wait. Ended windows are swept at most once a minute, by a request.
 */
export class RateLimitHitsStorage implements ThrottlerStorage {
  private lastSweep = 0;

  constructor(private readonly dataSource: DataSource) {}

  async increment(key: string, ttlMs: number, limit: number, _blockDurationMs: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const rows = await queryRows<{ hits: number; msLeft: number }>(
      this.dataSource,
      `INSERT INTO "users".rate_limit_hits AS r (key, hits, window_ends)
       VALUES ($1, 1, clock_timestamp() + $2 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.window_ends <= clock_timestamp() THEN 1 ELSE r.hits + 1 END,
         window_ends = CASE WHEN r.window_ends <= clock_timestamp() THEN EXCLUDED.window_ends ELSE r.window_ends END
       RETURNING hits, (extract(epoch FROM window_ends - clock_timestamp()) * 1000)::bigint AS ms_left`,
      [`${throttlerName}:${key}`, ttlMs],
    );
    if (Date.now() - this.lastSweep > SWEEP_INTERVAL_MS) {
      this.lastSweep = Date.now();
      void this.sweep().catch(() => undefined);
    }
    const totalHits = rows[0].hits;
    const timeToExpire = Math.max(1, Math.ceil(rows[0].msLeft / 1000));
    const isBlocked = totalHits > limit;
    return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }

  /** Drops ended windows. */
  async sweep(): Promise<void> {
    await this.dataSource.query(`DELETE FROM "users".rate_limit_hits WHERE window_ends <= clock_timestamp()`);
  }
}
