import { Public } from '../auth/access.decorator.js';
import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { WorkTracker } from '../common/work-tracker.js';
import { ClusterReadiness } from '../cluster/cluster-readiness.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly work: WorkTracker,
    private readonly cluster: ClusterReadiness,
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

  /** Readiness: the database answers, the service is not shutting down, its cluster has booted. */
  @Get('ready')
  @HealthCheck()
  ready() {
    if (this.work.isStopping) throw new ConveyorError(ErrorCode.Unavailable, 'Shutting down');
    if (!this.cluster.allWorkersListening)
      throw new ConveyorError(ErrorCode.Unavailable, 'Other workers of the cluster are starting');
    return this.health.check([() => this.database.pingCheck('database', { timeout: 3000 })]);
  }
}
