import { formatCamundaDate } from '../../common/variables/index.js';
import type { UserOperationLogRow } from './user-operation-log.repository.js';

/** Camunda's UserOperationLogEntryDto. */
export interface UserOperationLogEntryDto {
  id: string;
  userId: string | null;
  timestamp: string;
  operationId: string;
  operationType: string;
  entityType: string;
  category: string | null;
  annotation: null;
  property: string | null;
  orgValue: string | null;
  newValue: string | null;
  deploymentId: string | null;
  processDefinitionId: string | null;
  processDefinitionKey: string | null;
  processInstanceId: string | null;
  executionId: null;
  caseDefinitionId: null;
  caseInstanceId: null;
  caseExecutionId: null;
  taskId: string | null;
  externalTaskId: null;
  batchId: null;
  jobId: string | null;
  jobDefinitionId: null;
  removalTime: null;
  rootProcessInstanceId: string | null;
}

export function toUserOperationLogEntryDto(row: UserOperationLogRow): UserOperationLogEntryDto {
  return {
    id: row.id,
    userId: row.user_id,
    timestamp: formatCamundaDate(row.timestamp),
    operationId: row.operation_id,
    operationType: row.operation_type,
    entityType: row.entity_type,
    category: row.category,
    annotation: null,
    property: row.property,
    orgValue: row.org_value,
    newValue: row.new_value,
    deploymentId: row.deployment_id,
    processDefinitionId: row.definition_id,
    processDefinitionKey: row.definition_key,
    processInstanceId: row.instance_id,
    executionId: null,
    caseDefinitionId: null,
    caseInstanceId: null,
    caseExecutionId: null,
    taskId: row.task_id,
    externalTaskId: null,
    batchId: null,
    jobId: row.job_id,
    jobDefinitionId: null,
    removalTime: null,
    rootProcessInstanceId: row.root_instance_id,
  };
}
