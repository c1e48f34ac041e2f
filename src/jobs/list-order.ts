import { orderBy, toSorting, type SortInput } from '../history/query/sorting.js';

// Camunda's sort keys → columns. There are no tenants: every tenantId is null, so sorting by it
// leaves the id order.
const JOB_COLUMNS = {
  jobId: 'j.id',
  executionId: 'j.execution_id',
  processInstanceId: 'j.instance_id',
  processDefinitionId: 'j.definition_id',
  processDefinitionKey: 'j.definition_key',
  jobPriority: 'j.priority',
  jobRetries: 'j.retries',
  jobDueDate: 'j.due_date',
  tenantId: 'j.id',
};

const INCIDENT_COLUMNS = {
  incidentId: 'i.id',
  incidentMessage: 'i.message',
  incidentTimestamp: 'i.created',
  incidentType: 'i.type',
  executionId: 'i.execution_id',
  activityId: 'i.activity_id',
  // Conveyor's incidents have no causes: each is its own cause and root cause, as in Camunda.
  causeIncidentId: 'i.id',
  rootCauseIncidentId: 'i.id',
  configuration: 'COALESCE(i.job_id, i.external_task_id)',
  tenantId: 'i.id',
  processInstanceId: 'i.instance_id',
  processDefinitionId: 'i.definition_id',
};

const EXTERNAL_TASK_COLUMNS = {
  id: 't.id',
  lockExpirationTime: 't.lock_expiration',
  processInstanceId: 't.instance_id',
  processDefinitionId: 't.definition_id',
  processDefinitionKey: 't.definition_key',
  tenantId: 't.id',
  taskPriority: 't.priority',
};

export const DEFAULT_JOB_ORDER = 'ORDER BY j.due_date NULLS LAST, j.id';
export const DEFAULT_INCIDENT_ORDER = 'ORDER BY i.created, i.id';
export const DEFAULT_EXTERNAL_TASK_ORDER = 'ORDER BY t.created, t.id';

/** GET /job's sortBy/sortOrder as an ORDER BY (due date first when none is asked for). */
export function jobOrder(query: SortInput): string {
  return listOrder(query, JOB_COLUMNS, DEFAULT_JOB_ORDER, 'j.id');
}

export function incidentOrder(query: SortInput): string {
  return listOrder(query, INCIDENT_COLUMNS, DEFAULT_INCIDENT_ORDER, 'i.id');
}

export function externalTaskOrder(query: SortInput): string {
  return listOrder(query, EXTERNAL_TASK_COLUMNS, DEFAULT_EXTERNAL_TASK_ORDER, 't.id');
}

function listOrder<K extends string>(
  query: SortInput,
  columns: Record<K, string>,
  fallback: string,
  tiebreak: string,
): string {
  const sorts = toSorting(query, Object.keys(columns) as K[]);
  return sorts.length > 0 ? orderBy(sorts, columns, tiebreak) : fallback;
}
