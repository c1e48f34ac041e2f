import { request } from './client.js';
import type { VariableValue, HistoricInstance, HistoricVariable } from './cockpit-types.js';
export type { VariableValue, HistoricInstance, HistoricVariable } from './cockpit-types.js';

/** A POST /history/process-instance body (see cockpit/instance-search.ts). */
export type InstanceQuery = Record<string, unknown>;

/** Instances from history: running and finished ones alike, newest first. */
export function searchInstances(
  query: InstanceQuery,
  maxResults = 200,
): Promise<HistoricInstance[]> {
  return request<HistoricInstance[]>('/engine-rest/history/process-instance', {
    method: 'POST',
    body: { ...query, sorting: [{ sortBy: 'startTime', sortOrder: 'desc' }] },
    query: { maxResults },
  });
}

export function historicInstance(id: string): Promise<HistoricInstance> {
  return request<HistoricInstance>(
    `/engine-rest/history/process-instance/${encodeURIComponent(id)}`,
  );
}

/** A running instance's variables (404 once it has ended: use the history then). */
export function instanceVariables(id: string): Promise<Record<string, VariableValue>> {
  return request<Record<string, VariableValue>>(
    `/engine-rest/process-instance/${encodeURIComponent(id)}/variables`,
  );
}

export function historicVariables(instanceId: string): Promise<HistoricVariable[]> {
  return request<HistoricVariable[]>('/engine-rest/history/variable-instance', {
    query: { processInstanceId: instanceId, deserializeValues: false, maxResults: 1000 },
  });
}

export function setInstanceVariable(
  id: string,
  name: string,
  variable: VariableValue,
): Promise<void> {
  return request<void>(
    `/engine-rest/process-instance/${encodeURIComponent(id)}/variables/${encodeURIComponent(name)}`,
    { method: 'PUT', body: variable },
  );
}

export function cancelInstance(id: string, reason: string): Promise<void> {
  return request<void>(`/engine-rest/process-instance/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    query: { deleteReason: reason },
  });
}

/** GET /process-definition/{id}/form-variables: the start form's fields with their defaults. */
export function startFormVariables(definitionId: string): Promise<Record<string, VariableValue>> {
  return request<Record<string, VariableValue>>(
    `/engine-rest/process-definition/${encodeURIComponent(definitionId)}/form-variables`,
  );
}

/** POST /process-definition/{id}/submit-form: validates the start form and starts an instance. */
export function submitStartForm(
  definitionId: string,
  variables: Record<string, VariableValue>,
  businessKey: string | undefined,
): Promise<{ id: string }> {
  return request<{ id: string }>(
    `/engine-rest/process-definition/${encodeURIComponent(definitionId)}/submit-form`,
    { method: 'POST', body: { variables, businessKey } },
  );
}
