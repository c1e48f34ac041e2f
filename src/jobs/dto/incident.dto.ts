import { formatCamundaDate } from '../../common/variables/index.js';
import type { IncidentRow } from '../incident.repository.js';

/** Camunda's IncidentDto. */
export interface IncidentDto {
  id: string;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  executionId: string | null;
  incidentTimestamp: string;
  incidentType: string;
  activityId: string | null;
  failedActivityId: string | null;
  causeIncidentId: string;
  rootCauseIncidentId: string;
  configuration: string | null;
  tenantId: null;
  incidentMessage: string | null;
  jobDefinitionId: null;
  annotation: string | null;
}

export function toIncidentDto(row: IncidentRow): IncidentDto {
  return {
    id: row.id,
    processDefinitionId: row.definition_id,
    processInstanceId: row.instance_id,
    executionId: row.execution_id,
    incidentTimestamp: formatCamundaDate(row.created),
    incidentType: row.type,
    activityId: row.activity_id,
    failedActivityId: row.activity_id,
    causeIncidentId: row.id,
    rootCauseIncidentId: row.id,
    // Camunda's configuration is the failed job's or external task's id.
    configuration: row.job_id ?? row.external_task_id,
    tenantId: null,
    incidentMessage: row.message,
    jobDefinitionId: null,
    annotation: row.annotation,
  };
}
