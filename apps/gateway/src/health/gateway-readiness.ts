import { Injectable } from '@nestjs/common';
import { VerificationKeyCache } from '@galley/auth';

export interface GatewayReadinessReport {
  status: 'ok' | 'error';
  checks: { keys: 'up' | 'down'; shutdown: 'up' | 'down' };
}

/**
 * Whether this gateway pod should get traffic: its own state only. Which services answer is not
 * part of it: one service restarting must not take every gateway pod (and so the whole API) out
 * of the Service; the gateway answers that service's routes with a 502/503 and serves the rest.
 */
@Injectable()
export class GatewayReadiness {
  private keys?: VerificationKeyCache;
  private draining = false;

  /** The edge's access-token key cache: ready once it holds keys (fetched once, kept while stale). */
  watchKeys(keys: VerificationKeyCache): void {
    this.keys = keys;
  }

  /** SIGTERM: leave the Service's endpoints while open streams are closed and requests finish. */
  drain(): void {
    this.draining = true;
  }

  async report(): Promise<GatewayReadinessReport> {
    const keys = this.keys ? await this.keys.hasKeys() : false;
    const checks = { keys: keys ? 'up' : 'down', shutdown: this.draining ? 'down' : 'up' } as const;
    return { status: checks.keys === 'up' && checks.shutdown === 'up' ? 'ok' : 'error', checks };
  }
}
