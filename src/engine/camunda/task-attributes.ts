import type { CamundaFormat, ElementApi } from '../bpmn-types.js';

type Resolve = (value: unknown) => unknown;

interface UserTaskBehaviour {
  assignee?: string;
  candidateUsers?: string;
  candidateGroups?: string;
  dueDate?: string;
  followUpDate?: string;
  priority?: string;
  formKey?: string;
  documentation?: { text?: string }[];
}

/**
 * A user task instance's Camunda attributes (camunda:assignee, candidateUsers, candidateGroups,
 * dueDate, followUpDate, priority, formKey, name, documentation), each expression resolved in the
 * task's own scope: a multi-instance iteration sees its element variable.
 */
export function resolveTaskAttributes(api: ElementApi, resolve: Resolve): CamundaFormat {
  const owner = api.owner as unknown as { name?: string; behaviour: UserTaskBehaviour };
  const b = owner.behaviour;
  return {
    name: asText(resolve(owner.name)) ?? null,
    description: asText(resolve(b.documentation?.[0]?.text)) ?? null,
    assignee: asText(resolve(b.assignee)) ?? null,
    candidateUsers: toList(resolve(b.candidateUsers)),
    candidateGroups: toList(resolve(b.candidateGroups)),
    dueDate: asDate(resolve(b.dueDate)),
    followUpDate: asDate(resolve(b.followUpDate)),
    priority: toInteger(resolve(b.priority)) ?? 50,
    formKey: asText(resolve(b.formKey)) ?? null,
  };
}

function asText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

function asDate(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' || typeof value === 'number'
        ? new Date(value)
        : null;
  if (!date) return null;
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function toInteger(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}

function toList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter((v) => v.length > 0);
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
