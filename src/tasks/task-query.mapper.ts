import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { splitList } from '../common/query/page.js';
import { parseCamundaDate } from '../common/variables/index.js';
import { checkVariableFilters, parseVariableFilterParam } from '../runtime/variable-filter.js';
import type { TaskQueryDto } from './dto/task-query.dto.js';
import type { TaskFilter } from './task-filter.js';

const SORT_KEYS = new Set([
  'instanceId',
  'caseInstanceId',
  'dueDate',
  'followUpDate',
  'executionId',
  'caseExecutionId',
  'assignee',
  'created',
  'lastUpdated',
  'description',
  'id',
  'name',
  'nameCaseInsensitive',
  'priority',
  'processDefinitionKey',
]);

/** Turns the GET parameters or POST body of a task query into the repository's filter. */
export function toTaskFilter(q: TaskQueryDto, candidateUserGroups?: string[]): TaskFilter {
  return {
    taskId: q.taskId,
    taskIdIn: list(q.taskIdIn, 'taskIdIn'),
    instanceId: q.processInstanceId,
    instanceIdIn: list(q.processInstanceIdIn, 'processInstanceIdIn'),
    businessKey: q.processInstanceBusinessKey,
    businessKeyLike: q.processInstanceBusinessKeyLike,
    definitionId: q.processDefinitionId,
    definitionKey: q.processDefinitionKey,
    definitionKeyIn: list(q.processDefinitionKeyIn, 'processDefinitionKeyIn'),
    activityId: q.taskDefinitionKey,
    activityIdIn: list(q.taskDefinitionKeyIn, 'taskDefinitionKeyIn'),
    executionId: q.executionId,
    name: q.name,
    nameLike: q.nameLike,
    description: q.description,
    descriptionLike: q.descriptionLike,
    assignee: q.assignee,
    assigneeLike: q.assigneeLike,
    assigneeIn: list(q.assigneeIn, 'assigneeIn'),
    assigneeNotIn: list(q.assigneeNotIn, 'assigneeNotIn'),
    assigned: q.assigned,
    unassigned: q.unassigned,
    owner: q.owner,
    candidateUser: q.candidateUser,
    candidateUserGroups,
    candidateGroup: q.candidateGroup,
    candidateGroups: list(q.candidateGroups, 'candidateGroups'),
    includeAssignedTasks: q.includeAssignedTasks,
    withCandidateGroups: q.withCandidateGroups,
    withoutCandidateGroups: q.withoutCandidateGroups,
    withCandidateUsers: q.withCandidateUsers,
    withoutCandidateUsers: q.withoutCandidateUsers,
    delegationState: q.delegationState,
    suspended: q.suspended ?? (q.active ? false : undefined),
    priority: q.priority,
    minPriority: q.minPriority,
    maxPriority: q.maxPriority,
    dueDate: date(q.dueDate, 'dueDate'),
    dueBefore: date(q.dueBefore, 'dueBefore'),
    dueAfter: date(q.dueAfter, 'dueAfter'),
    withoutDueDate: q.withoutDueDate,
    followUpDate: date(q.followUpDate, 'followUpDate'),
    followUpBefore: date(q.followUpBefore, 'followUpBefore'),
    followUpAfter: date(q.followUpAfter, 'followUpAfter'),
    followUpBeforeOrNotExistent: date(q.followUpBeforeOrNotExistent, 'followUpBeforeOrNotExistent'),
    createdOn: date(q.createdOn, 'createdOn'),
    createdBefore: date(q.createdBefore, 'createdBefore'),
    createdAfter: date(q.createdAfter, 'createdAfter'),
    taskVariables: variables(q.taskVariables),
    processVariables: variables(q.processVariables),
  };
}

export function toTaskSort(q: TaskQueryDto): { by: string; order: 'ASC' | 'DESC' }[] {
  const requested =
    q.sorting ?? (q.sortBy || q.sortOrder ? [{ sortBy: q.sortBy, sortOrder: q.sortOrder }] : []);
  return requested.map((s) => {
    if (
      typeof s !== 'object' ||
      s === null ||
      !s.sortBy ||
      !SORT_KEYS.has(s.sortBy) ||
      (s.sortOrder !== 'asc' && s.sortOrder !== 'desc')
    ) {
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `Invalid sorting: sortBy must be one of ${[...SORT_KEYS].join(', ')} together with sortOrder asc or desc`,
      );
    }
    return { by: s.sortBy, order: s.sortOrder === 'desc' ? 'DESC' : 'ASC' };
  });
}

/** A `a,b,c` query parameter or a JSON list of strings; anything else is refused. */
function list(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return splitList(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw new ConveyorError(
    ErrorCode.InvalidRequest,
    `Cannot set query parameter '${name}': not a list of strings`,
  );
}

function date(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = parseCamundaDate(value);
  if (!parsed) {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      `Cannot set query parameter '${name}' to value '${value}': not a date`,
    );
  }
  return parsed;
}

function variables(value: unknown) {
  return typeof value === 'string' ? parseVariableFilterParam(value) : checkVariableFilters(value);
}
