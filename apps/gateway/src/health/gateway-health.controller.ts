import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AggregateReadiness, UpstreamHealthService } from './upstream-health.service';

@ApiTags('operations')
@Controller('health')
export class GatewayHealthController {
  constructor(private readonly upstreams: UpstreamHealthService) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** 200 when every service is ready, 503 (with each service's state) otherwise. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<AggregateReadiness> {
    const readiness = await this.upstreams.readiness();
    res.status(readiness.status === 'ok' ? 200 : 503);
    return readiness;
  }
}
