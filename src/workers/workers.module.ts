import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { JobsRepositoriesModule } from '../jobs/jobs-repositories.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RuntimeModule } from '../runtime/runtime.module.js';
import { BuiltInWorkersRepository } from './builtin-workers.repository.js';
import { BuiltInWorkers } from './builtin-workers.service.js';
import { ExternalTaskRound } from './external-task-round.js';
import { ExternalTaskVariables } from './external-task-variables.js';
import { NotificationTaskWorker } from './notification-task.worker.js';
import { StartProcessWorker } from './start-process.worker.js';

@Module({
  imports: [RuntimeModule, JobsModule, JobsRepositoriesModule, NotificationsModule],
  providers: [
    BuiltInWorkers,
    ExternalTaskRound,
    ExternalTaskVariables,
    BuiltInWorkersRepository,
    StartProcessWorker,
    NotificationTaskWorker,
  ],
  exports: [BuiltInWorkers],
})
export class WorkersModule {}
