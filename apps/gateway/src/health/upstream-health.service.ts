import { Inject, Injectable } from '@nestjs/common';
import { GatewayConfig, SERVICE_NAMES, ServiceName, upstreamUrlVariable } from '@galley/config';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';

export interface UpstreamStatus {
  status: 'up' | 'down';
  details?: unknown;
}

export interface AggregateHealth {
  status: 'ok' | 'error';
  services: Record<ServiceName, UpstreamStatus>;
}

// Longer than a service's own broker check (3 s), so a broker outage shows as broker: down, not as the service unreachable.
const PROBE_TIMEOUT_MS = 5000;

/**
 * Asks every service at once for its dependencies (database, broker, outbox). A service counts as
 * up when it is ready, i.e. its database answers: a broker outage shows in its details (and in
 * its metrics), not as the service being down.
 */
@Injectable()
export class UpstreamHealthService {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  async health(): Promise<AggregateHealth> {
    const entries = await Promise.all(SERVICE_NAMES.map(async (service): Promise<[ServiceName, UpstreamStatus]> => [service, await this.probe(service)]));
    const services = Object.fromEntries(entries) as Record<ServiceName, UpstreamStatus>;
    return { status: entries.every(([, s]) => s.status === 'up') ? 'ok' : 'error', services };
  }

  private async probe(service: ServiceName): Promise<UpstreamStatus> {
    const base = this.config[upstreamUrlVariable(service) as keyof GatewayConfig] as string;
    try {
      const res = await fetch(`${base}/health/dependencies`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      const body: unknown = await res.json().catch(() => undefined);
      const details = (body as { details?: Record<string, { status?: string }> } | undefined)?.details;
      return { status: details?.database?.status === 'up' ? 'up' : 'down', details: details ?? body };
    } catch (error) {
      return { status: 'down', details: { message: error instanceof Error ? error.message : 'unreachable' } };
    }
  }
}
