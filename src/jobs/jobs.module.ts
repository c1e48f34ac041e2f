import { Module } from '@nestjs/common';
import { RuntimeModule } from '../runtime/runtime.module.js';
import { ExecuteJobCommand } from './execute-job.command.js';
import { ExternalTaskController } from './external-task.controller.js';
import { JobController } from './job.controller.js';
import { JobsRepositoriesModule } from './jobs-repositories.module.js';

@Module({
  imports: [RuntimeModule, JobsRepositoriesModule],
  controllers: [JobController, ExternalTaskController],
  providers: [ExecuteJobCommand],
})
export class JobsModule {}
