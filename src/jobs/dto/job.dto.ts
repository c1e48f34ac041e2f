import { formatCamundaDate } from '../../common/variables/index.js';
import type { JobRow } from '../job.repository.js';

/** Camunda's JobDto. */
export interface JobDto {
  id: string;
  jobDefinitionId: string | null;
  processInstanceId: string | null;
  processDefinitionId: string | null;
  processDefinitionKey: string | null;
  executionId: string | null;
  exceptionMessage: string | null;
  failedActivityId: string | null;
  retries: number;
  dueDate: string | null;
  suspended: boolean;
  priority: number;
  tenantId: null;
  createTime: string;
  batchId: null;
  activityId?: string | null;
  type?: string;
}

export function toJobDto(job: JobRow): JobDto {
  return {
    id: job.id,
    // Camunda's job definition is per activity; ours is named after the definition and activity.
    jobDefinitionId:
      job.definition_id && job.activity_id ? `${job.definition_id}#${job.activity_id}` : null,
    processInstanceId: job.instance_id,
    processDefinitionId: job.definition_id,
    processDefinitionKey: job.definition_key,
    executionId: job.execution_id,
    exceptionMessage: job.exception_message,
    failedActivityId: job.exception_message ? job.activity_id : null,
    retries: job.retries,
    dueDate: job.due_date ? formatCamundaDate(job.due_date) : null,
    suspended: job.suspended,
    priority: Number(job.priority),
    tenantId: null,
    createTime: formatCamundaDate(job.created),
    batchId: null,
    activityId: job.activity_id,
    type: job.type,
  };
}
