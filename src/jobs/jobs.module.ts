import { Module } from '@nestjs/common';
import { RuntimeModule } from '../runtime/runtime.module.js';
import { ExecuteJobCommand } from './execute-job.command.js';
import { JobExecutor } from './job-executor.service.js';
import { ExternalTaskWorkerService } from './external-task-worker.service.js';
import { ExternalTaskController } from './external-task.controller.js';
import { ExternalTaskService } from './external-task.service.js';
import { IncidentRepository } from './incident.repository.js';
import { IncidentController } from './incident.controller.js';
import { JobController } from './job.controller.js';
import { JobService } from './job.service.js';
import { JobsRepositoriesModule } from './jobs-repositories.module.js';

@Module({
  imports: [RuntimeModule, JobsRepositoriesModule],
  controllers: [JobController, ExternalTaskController, IncidentController],
  providers: [
    ExecuteJobCommand,
    ExternalTaskWorkerService,
    ExternalTaskService,
    IncidentRepository,
    JobExecutor,
    JobService,
  ],
  exports: [JobExecutor, ExternalTaskWorkerService],
})
export class JobsModule {}
