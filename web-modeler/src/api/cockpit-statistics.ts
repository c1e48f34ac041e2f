import { request } from './client.js';
import type { ActivityStatistics, DefinitionStatistics } from './cockpit-types.js';
export type { IncidentCount, ActivityStatistics, DefinitionStatistics } from './cockpit-types.js';

export function definitionStatistics(): Promise<DefinitionStatistics[]> {
  return request<DefinitionStatistics[]>('/engine-rest/process-definition/statistics', {
    query: { incidents: true },
  });
}

export function activityStatistics(definitionId: string): Promise<ActivityStatistics[]> {
  return request<ActivityStatistics[]>(
    `/engine-rest/process-definition/${encodeURIComponent(definitionId)}/statistics`,
    { query: { incidents: true } },
  );
}
