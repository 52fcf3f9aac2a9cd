import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Requests counted against one rate-limit key (`auth:<address>`) in its current fixed window.
 * In Postgres so that every instance of the service counts the same requests.
 */
@Entity({ name: 'rate_limit_hits' })
export class RateLimitHitEntity {
  @PrimaryColumn('text')
  key: string;

  @Column('integer')
  hits: number;

  @Column('timestamptz', { name: 'window_ends' })
  windowEnds: Date;
}
