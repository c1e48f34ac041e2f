import { request } from './client.js';
import type { CockpitTask } from './cockpit-types.js';
export type { CockpitTask } from './cockpit-types.js';

export function openTasksOf(instanceId: string): Promise<CockpitTask[]> {
  return request<CockpitTask[]>('/engine-rest/task', {
    query: { processInstanceId: instanceId, maxResults: 1000 },
  });
}

/** Tasks due before `dueBefore` (a Camunda date), oldest due first, with their candidate groups. */
export function overdueTasks(dueBefore: string, maxResults = 1000): Promise<CockpitTask[]> {
  return request<CockpitTask[]>('/engine-rest/task', {
    query: {
      dueBefore,
      sortBy: 'dueDate',
      sortOrder: 'asc',
      maxResults,
      withCandidateGroupsInReturn: true,
    },
  });
}
