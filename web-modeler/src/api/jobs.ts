import { request } from './client.js';
import type { Job, Incident } from './cockpit-types.js';
export type { Job, Incident } from './cockpit-types.js';

export function jobsOf(instanceId: string): Promise<Job[]> {
  return request<Job[]>('/engine-rest/job', {
    query: { processInstanceId: instanceId, maxResults: 1000 },
  });
}

/** Runs a job now, whatever its due date: "fast-forward" a timer. */
export function executeJob(id: string): Promise<void> {
  return request<void>(`/engine-rest/job/${encodeURIComponent(id)}/execute`, { method: 'POST' });
}

export function incidentsOf(instanceId: string): Promise<Incident[]> {
  return request<Incident[]>('/engine-rest/incident', {
    query: { processInstanceId: instanceId, maxResults: 1000 },
  });
}

/** Gives an incident's job or external task its retries back, which resolves the incident. */
export function retryIncident(incident: Incident, retries = 1): Promise<void> {
  const id = encodeURIComponent(incident.configuration ?? '');
  const path =
    incident.incidentType === 'failedExternalTask'
      ? `/engine-rest/external-task/${id}/retries`
      : `/engine-rest/job/${id}/retries`;
  return request<void>(path, { method: 'PUT', body: { retries } });
}
