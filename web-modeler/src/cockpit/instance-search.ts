import { camundaDate } from '../api/dates.js';
import { dayBoundary } from './cockpit-format.js';

export type InstanceState = 'active' | 'completed' | 'all';

/** What a manager types into the instance search. */
export interface InstanceFilter {
  businessKey: string;
  state: InstanceState;
  /** `yyyy-mm-dd` from date inputs, local days; empty for no bound. */
  startedFrom: string;
  startedTo: string;
  variableName: string;
  variableValue: string;
  definitionKey: string;
}

export const EMPTY_FILTER: InstanceFilter = {
  businessKey: '',
  state: 'active',
  startedFrom: '',
  startedTo: '',
  variableName: '',
  variableValue: '',
  definitionKey: '',
};

/**
 * The body of POST /history/process-instance for a filter. History holds running and finished
 * instances alike, so one query serves every state; a business key matches as a substring.
 */
export function instanceQuery(filter: InstanceFilter): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  const businessKey = filter.businessKey.trim();
  if (businessKey) query.processInstanceBusinessKeyLike = `%${businessKey}%`;
  if (filter.state === 'active') query.unfinished = true;
  if (filter.state === 'completed') query.finished = true;
  const from = dayBoundary(filter.startedFrom, false);
  const to = dayBoundary(filter.startedTo, true);
  if (from) query.startedAfter = camundaDate(from);
  if (to) query.startedBefore = camundaDate(to);
  const name = filter.variableName.trim();
  if (name) {
    query.variables = [{ name, operator: 'eq', value: variableFilterValue(filter.variableValue) }];
  }
  const key = filter.definitionKey.trim();
  if (key) query.processDefinitionKey = key;
  return query;
}

/** The typed value a text stands for in a variable filter: true/false, a number, else the text. */
export function variableFilterValue(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (/^-?\d+(\.\d+)?$/.test(trimmed) && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return text;
}
