import { Module } from '@nestjs/common';
import { ExternalTaskRepository } from './external-task.repository.js';
import { JobRepository } from './job.repository.js';

@Module({
  providers: [JobRepository, ExternalTaskRepository],
  exports: [JobRepository, ExternalTaskRepository],
})
export class JobsRepositoriesModule {}
