import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { MessagingHealthIndicator } from './kafka.health';

@ApiTags('operations')
@Controller('health')
export class ServiceHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly messaging: MessagingHealthIndicator,
  ) {}

  /** The process answers; restart it only when this fails. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /**
   * Send me traffic: the database answers. The broker and the outbox are not part of it: the
   * outbox exists to ride out a broker outage, and a probe that failed then would take every pod
   * of the service out of its Service at once (they are metrics and alerts instead).
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })]);
  }

  /**
   * For people and dashboards, never a probe: database, broker and outbox relay (503 when any is down). The 503
   * carries terminus's details too: the service's error filter would turn the thrown exception into a bare "Service
   * Unavailable", and the gateway, finding no `database: up` in it, counted every service down during a broker outage.
   */
  @Get('dependencies')
  async dependencies(@Res({ passthrough: true }) res: Response) {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: 2000 }), () => this.messaging.broker(), () => this.messaging.relay()]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(503);
      return error.getResponse();
    }
  }
}
