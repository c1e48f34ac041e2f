import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { instanceVisibility } from '../../auth/visibility.js';
import { seesEverything, type CallerInfo } from '../../common/caller.decorator.js';
import type { Page } from '../../common/query/paging.dto.js';
import { rootInstanceIdSql } from '../query/history-sql.js';
import { orderBy, type SortSpec } from '../query/sorting.js';
import { SqlConditions } from '../query/sql-conditions.js';
import type { UserOperationLogSortKey } from './user-operation-log-query.dto.js';

export interface UserOperationLogRow {
  id: string;
  operation_id: string;
  operation_type: string;
  entity_type: string;
  category: string | null;
  property: string | null;
  org_value: string | null;
  new_value: string | null;
  user_id: string | null;
  timestamp: Date;
  instance_id: string | null;
  task_id: string | null;
  definition_id: string | null;
  definition_key: string | null;
  deployment_id: string | null;
  job_id: string | null;
  root_instance_id: string | null;
}

export interface UserOperationLogFilter {
  deploymentId?: string;
  processDefinitionId?: string;
  processDefinitionKey?: string;
  processInstanceId?: string;
  executionId?: string;
  taskId?: string;
  externalTaskId?: string;
  batchId?: string;
  jobId?: string;
  jobDefinitionId?: string;
  userId?: string;
  operationId?: string;
  operationType?: string;
  entityType?: string;
  entityTypeIn?: string[];
  category?: string;
  categoryIn?: string[];
  property?: string;
  afterTimestamp?: Date;
  beforeTimestamp?: Date;
}

const SORT_COLUMNS: Record<UserOperationLogSortKey, string> = { timestamp: 'o.timestamp' };

const COLUMNS = `o.*, CASE WHEN o.instance_id IS NULL THEN NULL ELSE ${rootInstanceIdSql('o.instance_id')} END AS root_instance_id`;

/** All SQL reading user_operation_log. */
@Injectable()
export class UserOperationLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(
    filter: UserOperationLogFilter,
    sorts: SortSpec<UserOperationLogSortKey>[],
    page: Page,
    caller: CallerInfo,
  ): Promise<UserOperationLogRow[]> {
    const c = conditions(filter, caller);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM user_operation_log o ${c.toWhere()}
       ${orderBy(sorts, SORT_COLUMNS, 'o.timestamp, o.id')} OFFSET ${page.offset} LIMIT ${page.limit}`,
      c.params,
    );
  }

  async count(filter: UserOperationLogFilter, caller: CallerInfo): Promise<number> {
    const c = conditions(filter, caller);
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM user_operation_log o ${c.toWhere()}`,
      c.params,
    );
    return row.count;
  }
}

function conditions(f: UserOperationLogFilter, caller: CallerInfo): SqlConditions {
  const c = new SqlConditions();
  visibleEntries(c, caller);
  c.when(f.deploymentId, 'o.deployment_id = ?');
  c.when(f.processDefinitionId, 'o.definition_id = ?');
  c.when(f.processDefinitionKey, 'o.definition_key = ?');
  c.when(f.processInstanceId, 'o.instance_id = ?');
  c.when(f.taskId, 'o.task_id = ?');
  c.when(f.jobId, 'o.job_id = ?');
  // Conveyor records none of these on its log entries, so no entry matches a filter on them.
  for (const unrecorded of [f.executionId, f.externalTaskId, f.batchId, f.jobDefinitionId]) {
    if (unrecorded !== undefined) c.raw('false');
  }
  c.when(f.userId, 'o.user_id = ?');
  c.when(f.operationId, 'o.operation_id = ?');
  c.when(f.operationType, 'o.operation_type = ?');
  c.when(f.entityType, 'o.entity_type = ?');
  c.when(f.entityTypeIn, 'o.entity_type = ANY(?)');
  c.when(f.category, 'o.category = ?');
  c.when(f.categoryIn, 'o.category = ANY(?)');
  c.when(f.property, 'o.property = ?');
  c.when(f.afterTimestamp, 'o.timestamp > ?');
  c.when(f.beforeTimestamp, 'o.timestamp < ?');
  return c;
}

/**
 * A caller who does not see everything (a manager) sees the entries of instances they may see and
 * the entries made by their team, e.g. a team member's change of a user or group.
 */
function visibleEntries(c: SqlConditions, caller: CallerInfo): void {
  if (seesEverything(caller)) return;
  const team = c.param([...caller.teamUserIds]);
  const instanceVisible = instanceVisibility(caller, 'o.instance_id', c.params);
  c.raw(`(o.user_id = ANY(${team}) OR (o.instance_id IS NOT NULL AND ${instanceVisible}))`);
}
