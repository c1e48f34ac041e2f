import { Module } from '@nestjs/common';
import { HistoricActivityInstanceController } from './activity-instance/historic-activity-instance.controller.js';
import { HistoricActivityInstanceRepository } from './activity-instance/historic-activity-instance.repository.js';
import { HistoricActivityInstanceService } from './activity-instance/historic-activity-instance.service.js';
import { HistoryRepository } from './history.repository.js';
import { HistoricProcessInstanceController } from './process-instance/historic-process-instance.controller.js';
import { HistoricProcessInstanceRepository } from './process-instance/historic-process-instance.repository.js';
import { HistoricProcessInstanceService } from './process-instance/historic-process-instance.service.js';
import { HistoricTaskController } from './task/historic-task.controller.js';
import { HistoricTaskRepository } from './task/historic-task.repository.js';
import { HistoricTaskService } from './task/historic-task.service.js';
import { UserOperationLogController } from './user-operation/user-operation-log.controller.js';
import { UserOperationLogRepository } from './user-operation/user-operation-log.repository.js';
import { UserOperationLogService } from './user-operation/user-operation-log.service.js';
import { HistoricVariableInstanceController } from './variable-instance/historic-variable-instance.controller.js';
import { HistoricVariableInstanceRepository } from './variable-instance/historic-variable-instance.repository.js';
import { HistoricVariableInstanceService } from './variable-instance/historic-variable-instance.service.js';

/**
 * Camunda's history REST API (read side) under /engine-rest/history, and the HistoryRepository
 * that commands use to write history inside their unit of work.
 */
@Module({
  controllers: [
    HistoricProcessInstanceController,
    HistoricActivityInstanceController,
    HistoricTaskController,
    HistoricVariableInstanceController,
    UserOperationLogController,
  ],
  providers: [
    HistoryRepository,
    HistoricProcessInstanceRepository,
    HistoricProcessInstanceService,
    HistoricActivityInstanceRepository,
    HistoricActivityInstanceService,
    HistoricTaskRepository,
    HistoricTaskService,
    HistoricVariableInstanceRepository,
    HistoricVariableInstanceService,
    UserOperationLogRepository,
    UserOperationLogService,
  ],
  exports: [HistoryRepository],
})
export class HistoryModule {}
