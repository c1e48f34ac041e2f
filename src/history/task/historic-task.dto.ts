import { camundaDate, millis } from '../query/camunda-values.js';
import type { HistoricTaskRow } from './historic-task.repository.js';

/** Camunda's HistoricTaskInstanceDto (7.21+: with taskState). */
export interface HistoricTaskInstanceDto {
  id: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processInstanceId: string;
  executionId: string | null;
  caseDefinitionKey: null;
  caseDefinitionId: null;
  caseInstanceId: null;
  caseExecutionId: null;
  activityInstanceId: string | null;
  name: string | null;
  description: string | null;
  deleteReason: string | null;
  owner: string | null;
  assignee: string | null;
  startTime: string | null;
  endTime: string | null;
  duration: number | null;
  taskDefinitionKey: string;
  priority: number | null;
  due: string | null;
  parentTaskId: null;
  followUp: string | null;
  tenantId: string | null;
  removalTime: null;
  rootProcessInstanceId: string;
  taskState: string;
}

export function toHistoricTaskInstanceDto(row: HistoricTaskRow): HistoricTaskInstanceDto {
  return {
    id: row.id,
    processDefinitionKey: row.definition_key,
    processDefinitionId: row.definition_id,
    processInstanceId: row.instance_id,
    executionId: row.execution_id,
    caseDefinitionKey: null,
    caseDefinitionId: null,
    caseInstanceId: null,
    caseExecutionId: null,
    activityInstanceId: row.activity_instance_id,
    name: row.name,
    description: row.description,
    deleteReason: row.delete_reason,
    owner: row.owner,
    assignee: row.assignee,
    startTime: camundaDate(row.start_time),
    endTime: camundaDate(row.end_time),
    duration: millis(row.duration_ms),
    taskDefinitionKey: row.activity_id,
    priority: row.priority,
    due: camundaDate(row.due_date),
    parentTaskId: null,
    followUp: camundaDate(row.follow_up_date),
    tenantId: row.tenant_id,
    removalTime: null,
    rootProcessInstanceId: row.root_instance_id,
    taskState: taskState(row),
  };
}

/** Camunda's task states: Created while open, then Completed or Deleted by how it ended. */
function taskState(row: HistoricTaskRow): string {
  if (row.end_time === null) return 'Created';
  return row.delete_reason === 'completed' ? 'Completed' : 'Deleted';
}
