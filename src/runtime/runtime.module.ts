import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module.js';
import { EngineModule } from '../engine/engine.module.js';
import { HistoryModule } from '../history/history.module.js';
import { JobsRepositoriesModule } from '../jobs/jobs-repositories.module.js';
import { TaskFormService } from '../tasks/task-form.service.js';
import { TasksRepositoriesModule } from '../tasks/tasks-repositories.module.js';
import { CallActivityOrchestrator } from './call-activity.orchestrator.js';
import { BroadcastSignalCommand } from './broadcast-signal.command.js';
import { CancelInstanceCommand } from './cancel-instance.command.js';
import { CorrelateMessageCommand } from './correlate-message.command.js';
import { MessageController } from './message.controller.js';
import { ProcessDefinitionRuntimeController } from './process-definition-runtime.controller.js';
import { ProcessInstanceController } from './process-instance.controller.js';
import { ProcessInstanceService } from './process-instance.service.js';
import { RuntimeProjection } from './runtime-projection.js';
import { RuntimeRepositoriesModule } from './runtime-repositories.module.js';
import { SetVariablesCommand } from './set-variables.command.js';
import { StartFormController } from './start-form.controller.js';
import { StartFormService } from './start-form.service.js';
import { StartInstanceCommand } from './start-instance.command.js';
import { StatisticsService } from './statistics.service.js';
import { UnitOfWork } from './unit-of-work.js';

@Module({
  imports: [
    HistoryModule,
    DefinitionsModule,
    EngineModule,
    RuntimeRepositoriesModule,
    JobsRepositoriesModule,
    TasksRepositoriesModule,
  ],
  controllers: [
    ProcessDefinitionRuntimeController,
    ProcessInstanceController,
    MessageController,
    StartFormController,
  ],
  providers: [
    UnitOfWork,
    CallActivityOrchestrator,
    RuntimeProjection,
    StartInstanceCommand,
    CorrelateMessageCommand,
    BroadcastSignalCommand,
    CancelInstanceCommand,
    SetVariablesCommand,
    ProcessInstanceService,
    StatisticsService,
    StartFormService,
    TaskFormService,
  ],
  exports: [
    HistoryModule,
    UnitOfWork,
    CallActivityOrchestrator,
    RuntimeRepositoriesModule,
    DefinitionsModule,
    TasksRepositoriesModule,
    StartInstanceCommand,
    // Task forms and start forms read the same camunda:formData: one service for both.
    TaskFormService,
  ],
})
export class RuntimeModule {}
