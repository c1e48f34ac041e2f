import { camundaDate, normalizeOffset } from '../api/dates.js';
import type { TaskQuery, VariableFilter } from '../api/task-types.js';

/** Which tasks: assigned to me, my (and my groups') unassigned candidates, or all I may see. */
export type TaskView = 'mine' | 'groups' | 'all';
export type DueFilter = 'any' | 'today' | 'overdue';
/** `reached`: follow-up date passed; `hideLater`: hide tasks put off until later. */
export type FollowUpFilter = 'any' | 'reached' | 'hideLater';
export type TaskSortKey = 'dueDate' | 'priority' | 'created' | 'name';

/** Everything the list's toolbar chooses; `page` counts from 0. */
export interface TaskListState {
  view: TaskView;
  processKey: string;
  due: DueFilter;
  followUp: FollowUpFilter;
  businessKey: string;
  variableName: string;
  variableOperator: 'eq' | 'like';
  variableValue: string;
  sortBy: TaskSortKey;
  sortOrder: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const INITIAL_STATE: TaskListState = {
  view: 'mine',
  processKey: '',
  due: 'any',
  followUp: 'any',
  businessKey: '',
  variableName: '',
  variableOperator: 'eq',
  variableValue: '',
  sortBy: 'dueDate',
  sortOrder: 'asc',
  page: 0,
  pageSize: 15,
};

export interface PagedTaskQuery {
  body: TaskQuery;
  firstResult: number;
  maxResults: number;
}

/**
 * The POST /task body for the toolbar's choices. Day boundaries ("due today") are the browser's
 * local day; dates go out in Camunda's format with the UTC offset.
 */
export function toTaskQuery(state: TaskListState, userId: string, now: Date): PagedTaskQuery {
  const body: TaskQuery = {};
  if (state.view === 'mine') body.assignee = userId;
  if (state.view === 'groups') body.candidateUser = userId;
  if (state.processKey) body.processDefinitionKey = state.processKey;
  if (state.due === 'today') {
    const start = startOfLocalDay(now);
    const end = new Date(start);
    end.setDate(end.getDate() + 1);
    body.dueAfter = camundaDate(new Date(start.getTime() - 1)); // dueAfter is exclusive
    body.dueBefore = camundaDate(end);
  }
  if (state.due === 'overdue') body.dueBefore = camundaDate(now);
  if (state.followUp === 'reached') body.followUpBefore = camundaDate(now);
  if (state.followUp === 'hideLater') body.followUpBeforeOrNotExistent = camundaDate(now);
  const businessKey = state.businessKey.trim();
  if (businessKey) body.processInstanceBusinessKeyLike = `%${escapeLike(businessKey)}%`;
  const variable = variableFilter(state);
  if (variable) body.processVariables = [variable];
  // Tasks without a due date sort last in both orders (SQL NULLs), then a stable tie-break.
  body.sorting = [
    { sortBy: state.sortBy, sortOrder: state.sortOrder },
    { sortBy: 'created', sortOrder: 'desc' },
  ];
  if (state.sortBy === 'created') body.sorting.pop();
  return {
    body,
    firstResult: state.page * state.pageSize,
    maxResults: state.pageSize,
  };
}

/** The variable search: `like` looks for the text anywhere; `eq` reads numbers and booleans. */
export function variableFilter(state: TaskListState): VariableFilter | null {
  const name = state.variableName.trim();
  if (!name) return null;
  const text = state.variableValue.trim();
  if (state.variableOperator === 'like') {
    return { name, operator: 'like', value: `%${escapeLike(text)}%` };
  }
  return { name, operator: 'eq', value: searchValue(text) };
}

/** The value typed into the search, read as the server reads Camunda's `name_eq_value`. */
export function searchValue(text: string): string | number | boolean | null {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** The number of pages for `count` tasks (at least one, so "1 / 1" shows for an empty list). */
export function pageCount(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / pageSize));
}

/** Whether a task's due date has passed. */
export function isOverdue(due: string | null, now: Date): boolean {
  if (!due) return false;
  const time = Date.parse(normalizeOffset(due));
  return Number.isFinite(time) && time < now.getTime();
}

function startOfLocalDay(now: Date): Date {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  return start;
}

/** `%` and `_` typed by the user are literal characters, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
