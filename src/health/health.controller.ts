import { Public } from '../auth/access.decorator.js';
import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { WorkTracker } from '../common/work-tracker.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly work: WorkTracker,
  ) {}

  /** Readiness with the database check; also the default health endpoint. */
  @Get()
  @HealthCheck()
  check() {
    return this.ready();
  }

  /** Liveness: the process answers. No dependency checks, so a slow database never gets it restarted. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: the database answers and the service is not shutting down. */
  @Get('ready')
  @HealthCheck()
  ready() {
    if (this.work.isStopping) throw new ConveyorError(ErrorCode.Unavailable, 'Shutting down');
    return this.health.check([() => this.database.pingCheck('database', { timeout: 3000 })]);
  }
}
