import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CallerInfo } from '../../common/caller.decorator.js';
import type { Page } from '../../common/query/paging.dto.js';
import type { VariableFilter } from '../../runtime/variable-filter.js';
import { rootInstanceIdSql, taskActivityInstanceIdSql } from '../query/history-sql.js';
import { historyVariableSql } from '../query/history-variable-filter.js';
import { orderBy, type SortSpec } from '../query/sorting.js';
import { SqlConditions } from '../query/sql-conditions.js';
import type { HistoricTaskSortKey } from './historic-task-query.dto.js';

export interface HistoricTaskRow {
  id: string;
  instance_id: string;
  definition_id: string;
  definition_key: string;
  activity_id: string;
  execution_id: string | null;
  name: string | null;
  description: string | null;
  assignee: string | null;
  owner: string | null;
  priority: number | null;
  due_date: Date | null;
  follow_up_date: Date | null;
  start_time: Date;
  end_time: Date | null;
  duration_ms: string | null;
  delete_reason: string | null;
  activity_instance_id: string | null;
  tenant_id: string | null;
  root_instance_id: string;
}

/** Camunda's filter names; lists already split, variables already parsed. */
export interface HistoricTaskFilter {
  taskId?: string;
  taskParentTaskId?: string;
  processInstanceId?: string;
  rootProcessInstanceId?: string;
  processInstanceBusinessKey?: string;
  processInstanceBusinessKeyIn?: string[];
  processInstanceBusinessKeyLike?: string;
  executionId?: string;
  processDefinitionId?: string;
  processDefinitionKey?: string;
  processDefinitionName?: string;
  activityInstanceIdIn?: string[];
  taskName?: string;
  taskNameLike?: string;
  taskDescription?: string;
  taskDescriptionLike?: string;
  taskDefinitionKey?: string;
  taskDefinitionKeyIn?: string[];
  taskDeleteReason?: string;
  taskDeleteReasonLike?: string;
  taskAssignee?: string;
  taskAssigneeLike?: string;
  taskOwner?: string;
  taskOwnerLike?: string;
  taskPriority?: number;
  assigned?: boolean;
  unassigned?: boolean;
  finished?: boolean;
  unfinished?: boolean;
  processFinished?: boolean;
  processUnfinished?: boolean;
  taskDueDate?: Date;
  taskDueDateBefore?: Date;
  taskDueDateAfter?: Date;
  withoutTaskDueDate?: boolean;
  taskFollowUpDate?: Date;
  taskFollowUpDateBefore?: Date;
  taskFollowUpDateAfter?: Date;
  startedBefore?: Date;
  startedAfter?: Date;
  finishedBefore?: Date;
  finishedAfter?: Date;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
  taskVariables?: VariableFilter[];
  processVariables?: VariableFilter[];
  variableNamesIgnoreCase?: boolean;
  variableValuesIgnoreCase?: boolean;
}

const ACTIVITY_INSTANCE_ID = taskActivityInstanceIdSql('t.id');

const SORT_COLUMNS: Record<HistoricTaskSortKey, string> = {
  taskId: 't.id',
  activityInstanceId: 'activity_instance_id',
  processDefinitionId: 't.definition_id',
  processInstanceId: 't.instance_id',
  executionId: 't.execution_id',
  duration: 't.duration_ms',
  endTime: 't.end_time',
  startTime: 't.start_time',
  taskName: 't.name',
  taskDescription: 't.description',
  assignee: 't.assignee',
  owner: 't.owner',
  dueDate: 't.due_date',
  followUpDate: 't.follow_up_date',
  deleteReason: 't.delete_reason',
  taskDefinitionKey: 't.activity_id',
  priority: 't.priority',
  tenantId: 'p.tenant_id',
};

// history_task has no business key or tenant: they come from the instance's history row.
const FROM = `history_task t LEFT JOIN history_process_instance p ON p.id = t.instance_id`;

/** All SQL reading history_task. */
@Injectable()
export class HistoricTaskRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(
    filter: HistoricTaskFilter,
    sorts: SortSpec<HistoricTaskSortKey>[],
    page: Page,
    caller: CallerInfo,
  ): Promise<HistoricTaskRow[]> {
    const c = conditions(filter, caller);
    return this.dataSource.query(
      `SELECT t.*, ${ACTIVITY_INSTANCE_ID} AS activity_instance_id, p.tenant_id,
              ${rootInstanceIdSql('t.instance_id')} AS root_instance_id
         FROM ${FROM} ${c.toWhere()}
       ${orderBy(sorts, SORT_COLUMNS, 't.start_time, t.id')} OFFSET ${page.offset} LIMIT ${page.limit}`,
      c.params,
    );
  }

  async count(filter: HistoricTaskFilter, caller: CallerInfo): Promise<number> {
    const c = conditions(filter, caller);
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM ${FROM} ${c.toWhere()}`,
      c.params,
    );
    return row.count;
  }
}

function conditions(f: HistoricTaskFilter, caller: CallerInfo): SqlConditions {
  const c = new SqlConditions();
  c.visibleTo(caller, 't.instance_id');
  c.when(f.taskId, 't.id = ?');
  if (f.taskParentTaskId !== undefined) c.raw('false'); // Conveyor has no sub-tasks
  c.when(f.processInstanceId, 't.instance_id = ?');
  c.when(f.rootProcessInstanceId, `${rootInstanceIdSql('t.instance_id')} = ?`);
  c.when(f.processInstanceBusinessKey, 'p.business_key = ?');
  c.when(f.processInstanceBusinessKeyIn, 'p.business_key = ANY(?)');
  c.when(f.processInstanceBusinessKeyLike, 'p.business_key LIKE ?');
  c.when(f.executionId, 't.execution_id = ?');
  c.when(f.processDefinitionId, 't.definition_id = ?');
  c.when(f.processDefinitionKey, 't.definition_key = ?');
  c.when(f.processDefinitionName, 'p.definition_name = ?');
  c.when(f.activityInstanceIdIn, `${ACTIVITY_INSTANCE_ID} = ANY(?)`);
  c.when(f.taskName, 't.name = ?');
  c.when(f.taskNameLike, 't.name LIKE ?');
  c.when(f.taskDescription, 't.description = ?');
  c.when(f.taskDescriptionLike, 't.description LIKE ?');
  c.when(f.taskDefinitionKey, 't.activity_id = ?');
  c.when(f.taskDefinitionKeyIn, 't.activity_id = ANY(?)');
  c.when(f.taskDeleteReason, 't.delete_reason = ?');
  c.when(f.taskDeleteReasonLike, 't.delete_reason LIKE ?');
  c.when(f.taskAssignee, 't.assignee = ?');
  c.when(f.taskAssigneeLike, 't.assignee LIKE ?');
  c.when(f.taskOwner, 't.owner = ?');
  c.when(f.taskOwnerLike, 't.owner LIKE ?');
  c.when(f.taskPriority, 't.priority = ?');
  if (f.assigned) c.raw('t.assignee IS NOT NULL');
  if (f.unassigned) c.raw('t.assignee IS NULL');
  if (f.finished) c.raw('t.end_time IS NOT NULL');
  if (f.unfinished) c.raw('t.end_time IS NULL');
  if (f.processFinished) c.raw('p.end_time IS NOT NULL');
  if (f.processUnfinished) c.raw('p.end_time IS NULL');
  c.when(f.taskDueDate, 't.due_date = ?');
  c.when(f.taskDueDateBefore, 't.due_date < ?');
  c.when(f.taskDueDateAfter, 't.due_date > ?');
  if (f.withoutTaskDueDate) c.raw('t.due_date IS NULL');
  c.when(f.taskFollowUpDate, 't.follow_up_date = ?');
  c.when(f.taskFollowUpDateBefore, 't.follow_up_date < ?');
  c.when(f.taskFollowUpDateAfter, 't.follow_up_date > ?');
  c.when(f.startedBefore, 't.start_time <= ?');
  c.when(f.startedAfter, 't.start_time >= ?');
  c.when(f.finishedBefore, 't.end_time <= ?');
  c.when(f.finishedAfter, 't.end_time >= ?');
  c.when(f.tenantIdIn, 'p.tenant_id = ANY(?)');
  if (f.withoutTenantId) c.raw('p.tenant_id IS NULL');
  const matching = {
    namesIgnoreCase: f.variableNamesIgnoreCase,
    valuesIgnoreCase: f.variableValuesIgnoreCase,
  };
  for (const variable of f.taskVariables ?? [])
    c.raw(historyVariableSql(variable, 'hv.task_id = t.id', c, matching));
  for (const variable of f.processVariables ?? []) {
    c.raw(
      historyVariableSql(
        variable,
        'hv.instance_id = t.instance_id AND hv.task_id IS NULL',
        c,
        matching,
      ),
    );
  }
  return c;
}
