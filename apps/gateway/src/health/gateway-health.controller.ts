import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AggregateReadiness, UpstreamHealthService } from './upstream-health.service';

/** AggregateReadiness, for the OpenAPI document. */
const READINESS_SCHEMA = {
  type: 'object',
  required: ['status', 'services'],
  properties: {
    status: { type: 'string', enum: ['ok', 'error'] },
    services: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['status'],
        properties: { status: { type: 'string', enum: ['up', 'down'] }, details: { description: "The service's own readiness answer" } },
      },
    },
  },
};

@ApiTags('operations')
@Controller('health')
export class GatewayHealthController {
  constructor(private readonly upstreams: UpstreamHealthService) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the gateway process answers' })
  @ApiOkResponse({ description: 'Alive', schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } })
  live() {
    return { status: 'ok' };
  }

  /** 200 when every service is ready, 503 (with each service's state) otherwise. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: every service behind the gateway is ready (each service’s state in the body)' })
  @ApiOkResponse({ description: 'Every service is ready', schema: READINESS_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'A service is not ready', schema: READINESS_SCHEMA })
  async ready(@Res({ passthrough: true }) res: Response): Promise<AggregateReadiness> {
    const readiness = await this.upstreams.readiness();
    res.status(readiness.status === 'ok' ? 200 : 503);
    return readiness;
  }
}
