import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { GatewayReadiness, GatewayReadinessReport } from './gateway-readiness';
import { AggregateHealth, UpstreamHealthService } from './upstream-health.service';

const CHECK = { type: 'string', enum: ['up', 'down'] };

/** GatewayReadinessReport, for the OpenAPI document. */
const READINESS_SCHEMA = {
  type: 'object',
  required: ['status', 'checks'],
  properties: {
    status: { type: 'string', enum: ['ok', 'error'] },
    checks: {
      type: 'object',
      required: ['keys', 'shutdown'],
      properties: {
        keys: { ...CHECK, description: 'The access-token keys are cached (fetched from the users service once)' },
        shutdown: { ...CHECK, description: 'down while the gateway drains before it stops' },
      },
    },
  },
};

/** AggregateHealth, for the OpenAPI document. */
const SERVICES_SCHEMA = {
  type: 'object',
  required: ['status', 'services'],
  properties: {
    status: { type: 'string', enum: ['ok', 'error'] },
    services: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['status'],
        properties: {
          status: { ...CHECK, description: 'up when the service is ready (its database answers)' },
          details: { description: "The service's database, broker and outbox relay" },
        },
      },
    },
  },
};

@ApiTags('operations')
@Controller('health')
export class GatewayHealthController {
  constructor(
    private readonly readiness: GatewayReadiness,
    private readonly upstreams: UpstreamHealthService,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the gateway process answers' })
  @ApiOkResponse({ description: 'Alive', schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } })
  live() {
    return { status: 'ok' };
  }

  /** The gateway's own state only: never which services answer (see GatewayReadiness). */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: this gateway can take traffic (its key cache, not draining); the services are not part of it' })
  @ApiOkResponse({ description: 'Ready', schema: READINESS_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'Not ready (no access-token keys yet, or shutting down)', schema: READINESS_SCHEMA })
  async ready(@Res({ passthrough: true }) res: Response): Promise<GatewayReadinessReport> {
    const report = await this.readiness.report();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  /** For people and dashboards, never a probe: 200 when every service is ready, 503 otherwise. */
  @Get('services')
  @ApiOperation({ summary: 'Every service behind the gateway: ready or not, with its database, broker and outbox relay' })
  @ApiOkResponse({ description: 'Every service is ready', schema: SERVICES_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'A service is not ready', schema: SERVICES_SCHEMA })
  async services(@Res({ passthrough: true }) res: Response): Promise<AggregateHealth> {
    const health = await this.upstreams.health();
    res.status(health.status === 'ok' ? 200 : 503);
    return health;
  }
}
