import { request } from './client.js';
import type { HistoricActivity, UserOperation } from './cockpit-types.js';
export type { HistoricActivity, UserOperation } from './cockpit-types.js';

const LIMIT = 1000;

export function activitiesOfInstance(instanceId: string): Promise<HistoricActivity[]> {
  return request<HistoricActivity[]>('/engine-rest/history/activity-instance', {
    query: {
      processInstanceId: instanceId,
      sortBy: 'startTime',
      sortOrder: 'asc',
      maxResults: LIMIT,
    },
  });
}

/** The newest activity instances of a definition: enough to tell where time goes. */
export function activitiesOfDefinition(definitionId: string): Promise<HistoricActivity[]> {
  return request<HistoricActivity[]>('/engine-rest/history/activity-instance', {
    query: {
      processDefinitionId: definitionId,
      sortBy: 'startTime',
      sortOrder: 'desc',
      maxResults: LIMIT,
    },
  });
}

export function userOperationsOf(instanceId: string): Promise<UserOperation[]> {
  return request<UserOperation[]>('/engine-rest/history/user-operation', {
    query: {
      processInstanceId: instanceId,
      sortBy: 'timestamp',
      sortOrder: 'asc',
      maxResults: LIMIT,
    },
  });
}
