import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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

  /** Database, broker and outbox relay are usable; take traffic only when this passes. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => this.messaging.broker(),
      () => this.messaging.relay(),
    ]);
  }
}
