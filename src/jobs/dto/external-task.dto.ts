import { formatCamundaDate } from '../../common/variables/index.js';
import type { ExternalTaskRow } from '../external-task.repository.js';

/** Camunda's ExternalTaskDto. */
export interface ExternalTaskDto {
  id: string;
  activityId: string;
  activityInstanceId: string;
  errorMessage: string | null;
  executionId: string;
  lockExpirationTime: string | null;
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionVersionTag: null;
  processInstanceId: string;
  retries: number | null;
  suspended: boolean;
  topicName: string;
  workerId: string | null;
  tenantId: null;
  priority: number;
  businessKey: string | null;
}

export function toExternalTaskDto(t: ExternalTaskRow): ExternalTaskDto {
  return {
    id: t.id,
    activityId: t.activity_id,
    activityInstanceId: t.execution_id,
    errorMessage: t.error_message,
    executionId: t.execution_id,
    lockExpirationTime: t.lock_expiration ? formatCamundaDate(t.lock_expiration) : null,
    processDefinitionId: t.definition_id,
    processDefinitionKey: t.definition_key,
    processDefinitionVersionTag: null,
    processInstanceId: t.instance_id,
    retries: t.retries,
    suspended: t.suspended,
    topicName: t.topic,
    workerId: t.worker_id,
    tenantId: null,
    priority: Number(t.priority),
    businessKey: t.business_key,
  };
}
