// Types only, no imports: pure modules (and their unit specs) use them without the fetch client.
/** The fields of Camunda's TaskDto the tasklist uses. Dates are Camunda dates (`…+0000`). */
export interface Task {
  id: string;
  name: string | null;
  assignee: string | null;
  owner: string | null;
  created: string;
  due: string | null;
  followUp: string | null;
  description: string | null;
  priority: number;
  processDefinitionId: string;
  processInstanceId: string;
  taskDefinitionKey: string;
  suspended: boolean;
  formKey: string | null;
}

/** Camunda's variable filter in a POST /task body. */
export interface VariableFilter {
  name: string;
  operator: 'eq' | 'neq' | 'gt' | 'gteq' | 'lt' | 'lteq' | 'like';
  value: string | number | boolean | null;
}

/** The POST /task body the tasklist sends (a subset of Camunda's TaskQueryDto). */
export interface TaskQuery {
  assignee?: string;
  candidateUser?: string;
  processDefinitionKey?: string;
  processInstanceId?: string;
  processInstanceBusinessKeyLike?: string;
  dueAfter?: string;
  dueBefore?: string;
  followUpBefore?: string;
  followUpBeforeOrNotExistent?: string;
  processVariables?: VariableFilter[];
  sorting?: { sortBy: string; sortOrder: 'asc' | 'desc' }[];
}

/** A typed variable as Camunda's REST API sends and receives it. */
export interface TypedValue {
  value: unknown;
  type: string;
  valueInfo?: Record<string, unknown>;
}

export interface Comment {
  id: string;
  userId: string | null;
  taskId: string | null;
  time: string;
  message: string;
}

export interface ProcessInstanceRef {
  id: string;
  definitionId: string;
  businessKey: string | null;
}

export interface DefinitionRef {
  id: string;
  key: string;
  name: string | null;
  version: number;
}
