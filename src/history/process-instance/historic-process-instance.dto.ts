import { camundaDate, millis } from '../query/camunda-values.js';
import type { HistoricProcessInstanceRow } from './historic-process-instance.repository.js';

/** Camunda's HistoricProcessInstanceDto (7.22: with restartedProcessInstanceId). */
export interface HistoricProcessInstanceDto {
  id: string;
  rootProcessInstanceId: string;
  superProcessInstanceId: string | null;
  superCaseInstanceId: null;
  caseInstanceId: null;
  processDefinitionName: string | null;
  processDefinitionKey: string;
  processDefinitionVersion: number;
  processDefinitionId: string;
  businessKey: string | null;
  startTime: string | null;
  endTime: string | null;
  removalTime: null;
  durationInMillis: number | null;
  startUserId: string | null;
  startActivityId: string | null;
  deleteReason: string | null;
  tenantId: string | null;
  state: string;
  restartedProcessInstanceId: null;
}

export function toHistoricProcessInstanceDto(
  row: HistoricProcessInstanceRow,
): HistoricProcessInstanceDto {
  return {
    id: row.id,
    rootProcessInstanceId: row.root_instance_id,
    superProcessInstanceId: row.super_instance_id,
    superCaseInstanceId: null,
    caseInstanceId: null,
    processDefinitionName: row.definition_name,
    processDefinitionKey: row.definition_key,
    processDefinitionVersion: row.definition_version,
    processDefinitionId: row.definition_id,
    businessKey: row.business_key,
    startTime: camundaDate(row.start_time),
    endTime: camundaDate(row.end_time),
    removalTime: null,
    durationInMillis: millis(row.duration_ms),
    startUserId: row.start_user_id,
    startActivityId: row.start_activity_id,
    deleteReason: row.delete_reason,
    tenantId: row.tenant_id,
    state: row.state,
    restartedProcessInstanceId: null,
  };
}
