import { request } from './client.js';
import type {
  Comment,
  DefinitionRef,
  ProcessInstanceRef,
  Task,
  TaskQuery,
  TypedValue,
} from './task-types.js';

export type * from './task-types.js';

const TASK = '/engine-rest/task';
const id = encodeURIComponent;

/** POST /task (the body form: variable filters and sorting as JSON), one page. */
export function queryTasks(
  query: TaskQuery,
  firstResult: number,
  maxResults: number,
): Promise<Task[]> {
  return request<Task[]>(TASK, { method: 'POST', body: query, query: { firstResult, maxResults } });
}

export async function countTasks(query: TaskQuery): Promise<number> {
  const filter: TaskQuery = { ...query };
  delete filter.sorting; // a count has no order
  return (await request<{ count: number }>(`${TASK}/count`, { method: 'POST', body: filter }))
    .count;
}

export function getTask(taskId: string): Promise<Task> {
  return request<Task>(`${TASK}/${id(taskId)}`);
}

export function claimTask(taskId: string, userId: string): Promise<void> {
  return request<void>(`${TASK}/${id(taskId)}/claim`, { method: 'POST', body: { userId } });
}

export function unclaimTask(taskId: string): Promise<void> {
  return request<void>(`${TASK}/${id(taskId)}/unclaim`, { method: 'POST', body: {} });
}

/** Each form field's current value or default, typed after the field. */
export function formVariables(taskId: string): Promise<Record<string, TypedValue>> {
  return request<Record<string, TypedValue>>(`${TASK}/${id(taskId)}/form-variables`);
}

/** Completes the task with the form's values; a 400 names every field the server refuses. */
export function submitForm(taskId: string, variables: Record<string, TypedValue>): Promise<void> {
  return request<void>(`${TASK}/${id(taskId)}/submit-form`, {
    method: 'POST',
    body: { variables },
  });
}

export function taskComments(taskId: string): Promise<Comment[]> {
  return request<Comment[]>(`${TASK}/${id(taskId)}/comment`);
}

export function addComment(taskId: string, message: string): Promise<Comment> {
  return request<Comment>(`${TASK}/${id(taskId)}/comment/create`, {
    method: 'POST',
    body: { message },
  });
}

/** The instances (for their business keys) among those the caller may see. */
export function processInstances(ids: readonly string[]): Promise<ProcessInstanceRef[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return request<ProcessInstanceRef[]>('/engine-rest/process-instance', {
    query: { processInstanceIds: ids.join(','), maxResults: ids.length },
  });
}

/** The newest version of every deployed process: the tasklist's process filter. */
export function latestDefinitions(): Promise<DefinitionRef[]> {
  return request<DefinitionRef[]>('/engine-rest/process-definition', {
    query: { latestVersion: true, sortBy: 'name', sortOrder: 'asc', maxResults: 1000 },
  });
}

/** Definitions by id (tasks may belong to older versions than the latest). */
export function definitionsById(ids: readonly string[]): Promise<DefinitionRef[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return request<DefinitionRef[]>('/engine-rest/process-definition', {
    query: { processDefinitionIdIn: ids.join(','), maxResults: ids.length },
  });
}
