import { taskVisibility } from '../auth/visibility.js';
import type { CallerInfo } from '../common/caller.decorator.js';
import { variableFilterSql, type VariableFilter } from '../runtime/variable-filter.js';

/** The task list filters of Camunda's GET/POST /task. */
export interface TaskFilter {
  taskId?: string;
  taskIdIn?: string[];
  instanceId?: string;
  instanceIdIn?: string[];
  businessKey?: string;
  businessKeyLike?: string;
  definitionId?: string;
  definitionKey?: string;
  definitionKeyIn?: string[];
  activityId?: string;
  activityIdIn?: string[];
  executionId?: string;
  name?: string;
  nameLike?: string;
  description?: string;
  descriptionLike?: string;
  assignee?: string;
  assigneeLike?: string;
  assigneeIn?: string[];
  assigneeNotIn?: string[];
  assigned?: boolean;
  unassigned?: boolean;
  owner?: string;
  candidateUser?: string;
  candidateGroup?: string;
  candidateGroups?: string[];
  /** Groups of candidateUser, so a user also sees their groups' tasks (Camunda resolves them from identity). */
  candidateUserGroups?: string[];
  includeAssignedTasks?: boolean;
  withCandidateGroups?: boolean;
  withoutCandidateGroups?: boolean;
  withCandidateUsers?: boolean;
  withoutCandidateUsers?: boolean;
  priority?: number;
  minPriority?: number;
  maxPriority?: number;
  dueDate?: Date;
  dueBefore?: Date;
  dueAfter?: Date;
  withoutDueDate?: boolean;
  followUpDate?: Date;
  followUpBefore?: Date;
  followUpAfter?: Date;
  followUpBeforeOrNotExistent?: Date;
  createdOn?: Date;
  createdBefore?: Date;
  createdAfter?: Date;
  delegationState?: string;
  suspended?: boolean;
  taskVariables?: VariableFilter[];
  processVariables?: VariableFilter[];
  /** Only the tasks this caller may see (src/auth/visibility.ts); omitted for the product's own reads. */
  visibleTo?: CallerInfo;
}

/**
 * The WHERE clause over task `t`. With `groupLink`, the query joins that task_identity_link alias
 * for `candidateGroup` (see TaskRepository.list), so the group condition is written on it.
 */
export function taskWhere(
  f: TaskFilter,
  options: { groupLink?: string } = {},
): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions: string[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    let text = sql;
    for (const value of values) {
      params.push(value);
      text = text.replace('?', `$${params.length}`);
    }
    conditions.push(text);
  };
  if (f.taskId !== undefined) add('t.id = ?', f.taskId);
  if (f.taskIdIn) add('t.id = ANY(?)', f.taskIdIn);
  if (f.instanceId !== undefined) add('t.instance_id = ?', f.instanceId);
  if (f.instanceIdIn) add('t.instance_id = ANY(?)', f.instanceIdIn);
  if (f.businessKey !== undefined) add('t.business_key = ?', f.businessKey);
  if (f.businessKeyLike !== undefined) add('t.business_key LIKE ?', f.businessKeyLike);
  if (f.definitionId !== undefined) add('t.definition_id = ?', f.definitionId);
  if (f.definitionKey !== undefined) add('t.definition_key = ?', f.definitionKey);
  if (f.definitionKeyIn) add('t.definition_key = ANY(?)', f.definitionKeyIn);
  if (f.activityId !== undefined) add('t.activity_id = ?', f.activityId);
  if (f.activityIdIn) add('t.activity_id = ANY(?)', f.activityIdIn);
  if (f.executionId !== undefined) add('t.execution_id = ?', f.executionId);
  if (f.name !== undefined) add('t.name = ?', f.name);
  if (f.nameLike !== undefined) add('t.name LIKE ?', f.nameLike);
  if (f.description !== undefined) add('t.description = ?', f.description);
  if (f.descriptionLike !== undefined) add('t.description LIKE ?', f.descriptionLike);
  if (f.assignee !== undefined) add('t.assignee = ?', f.assignee);
  if (f.assigneeLike !== undefined) add('t.assignee LIKE ?', f.assigneeLike);
  if (f.assigneeIn) add('t.assignee = ANY(?)', f.assigneeIn);
  if (f.assigneeNotIn) add('(t.assignee IS NULL OR NOT t.assignee = ANY(?))', f.assigneeNotIn);
  if (f.assigned) conditions.push('t.assignee IS NOT NULL');
  if (f.unassigned) conditions.push('t.assignee IS NULL');
  if (f.owner !== undefined) add('t.owner = ?', f.owner);
  if (f.delegationState !== undefined) add('t.delegation_state = ?', f.delegationState);
  if (f.suspended !== undefined) add('t.suspended = ?', f.suspended);
  candidateConditions(f, add, options.groupLink);
  if (f.withCandidateGroups) conditions.push(linkExists('group_id IS NOT NULL'));
  if (f.withoutCandidateGroups) conditions.push(`NOT ${linkExists('group_id IS NOT NULL')}`);
  if (f.withCandidateUsers) conditions.push(linkExists('user_id IS NOT NULL'));
  if (f.withoutCandidateUsers) conditions.push(`NOT ${linkExists('user_id IS NOT NULL')}`);
  if (f.priority !== undefined) add('t.priority = ?', f.priority);
  if (f.minPriority !== undefined) add('t.priority >= ?', f.minPriority);
  if (f.maxPriority !== undefined) add('t.priority <= ?', f.maxPriority);
  if (f.dueDate) add('t.due_date = ?', f.dueDate);
  if (f.dueBefore) add('t.due_date < ?', f.dueBefore);
  if (f.dueAfter) add('t.due_date > ?', f.dueAfter);
  if (f.withoutDueDate) conditions.push('t.due_date IS NULL');
  if (f.followUpDate) add('t.follow_up_date = ?', f.followUpDate);
  if (f.followUpBefore) add('t.follow_up_date < ?', f.followUpBefore);
  if (f.followUpAfter) add('t.follow_up_date > ?', f.followUpAfter);
  if (f.followUpBeforeOrNotExistent) {
    add('(t.follow_up_date IS NULL OR t.follow_up_date < ?)', f.followUpBeforeOrNotExistent);
  }
  if (f.createdOn) add('t.created = ?', f.createdOn);
  if (f.createdBefore) add('t.created < ?', f.createdBefore);
  if (f.createdAfter) add('t.created > ?', f.createdAfter);
  for (const v of f.processVariables ?? [])
    conditions.push(variableFilterSql(v, 't.instance_id', params));
  for (const v of f.taskVariables ?? []) {
    conditions.push(
      variableFilterSql(v, 't.instance_id', params).replace(
        'v.task_id IS NULL',
        'v.task_id = t.id',
      ),
    );
  }
  const visible = f.visibleTo ? taskVisibility(f.visibleTo, 't', params) : null;
  if (visible) conditions.push(visible);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/**
 * Camunda's candidate semantics: a candidate query returns unassigned tasks the user or group is a
 * candidate for (plus assigned ones with includeAssignedTasks).
 */
function candidateConditions(
  f: TaskFilter,
  add: (sql: string, ...values: unknown[]) => void,
  groupLink: string | undefined,
): void {
  const unassigned = f.includeAssignedTasks ? '' : ' AND t.assignee IS NULL';
  if (f.candidateUser !== undefined) {
    add(
      `(EXISTS (SELECT 1 FROM task_identity_link l WHERE l.task_id = t.id AND (l.user_id = ? OR l.group_id = ANY(?)))${unassigned})`,
      f.candidateUser,
      f.candidateUserGroups ?? [],
    );
  }
  if (f.candidateGroup !== undefined && groupLink !== undefined) {
    add(`(${groupLink}.group_id = ?${unassigned})`, f.candidateGroup);
  } else if (f.candidateGroup !== undefined) {
    add(
      `(EXISTS (SELECT 1 FROM task_identity_link l WHERE l.task_id = t.id AND l.group_id = ?)${unassigned})`,
      f.candidateGroup,
    );
  }
  if (f.candidateGroups) {
    add(
      `(EXISTS (SELECT 1 FROM task_identity_link l WHERE l.task_id = t.id AND l.group_id = ANY(?))${unassigned})`,
      f.candidateGroups,
    );
  }
}

function linkExists(condition: string): string {
  return `EXISTS (SELECT 1 FROM task_identity_link l WHERE l.task_id = t.id AND l.${condition})`;
}
