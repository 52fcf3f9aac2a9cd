import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AggregateReadiness, UpstreamHealthService } from './upstream-health.service';

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
  @ApiOkResponse({ description: 'Every service is ready' })
  @ApiServiceUnavailableResponse({ description: 'A service is not ready' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<AggregateReadiness> {
    const readiness = await this.upstreams.readiness();
    res.status(readiness.status === 'ok' ? 200 : 503);
    return readiness;
  }
}
