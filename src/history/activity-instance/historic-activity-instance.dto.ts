import { camundaDate, millis } from '../query/camunda-values.js';
import type { HistoricActivityInstanceRow } from './historic-activity-instance.repository.js';

/** Camunda's HistoricActivityInstanceDto. */
export interface HistoricActivityInstanceDto {
  id: string;
  /** Conveyor does not record activity nesting (sub-process scopes). */
  parentActivityInstanceId: null;
  activityId: string;
  activityName: string | null;
  activityType: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processInstanceId: string;
  executionId: string | null;
  taskId: string | null;
  assignee: string | null;
  calledProcessInstanceId: string | null;
  calledCaseInstanceId: null;
  startTime: string | null;
  endTime: string | null;
  durationInMillis: number | null;
  canceled: boolean;
  completeScope: boolean;
  tenantId: string | null;
  removalTime: null;
  rootProcessInstanceId: string;
}

export function toHistoricActivityInstanceDto(
  row: HistoricActivityInstanceRow,
): HistoricActivityInstanceDto {
  return {
    id: row.id,
    parentActivityInstanceId: null,
    activityId: row.activity_id,
    activityName: row.activity_name,
    activityType: row.activity_type,
    processDefinitionKey: row.definition_key,
    processDefinitionId: row.definition_id,
    processInstanceId: row.instance_id,
    executionId: row.execution_id,
    taskId: row.task_id,
    assignee: row.assignee,
    calledProcessInstanceId: row.called_instance_id,
    calledCaseInstanceId: null,
    startTime: camundaDate(row.start_time),
    endTime: camundaDate(row.end_time),
    durationInMillis: millis(row.duration_ms),
    canceled: row.canceled,
    completeScope: row.complete_scope,
    tenantId: row.tenant_id,
    removalTime: null,
    rootProcessInstanceId: row.root_instance_id,
  };
}
