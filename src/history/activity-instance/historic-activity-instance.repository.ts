import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CallerInfo } from '../../common/caller.decorator.js';
import type { Page } from '../../common/query/paging.dto.js';
import { rootInstanceIdSql } from '../query/history-sql.js';
import { orderBy, type SortSpec } from '../query/sorting.js';
import { SqlConditions } from '../query/sql-conditions.js';
import type { HistoricActivityInstanceSortKey } from './historic-activity-instance-query.dto.js';

export interface HistoricActivityInstanceRow {
  id: string;
  instance_id: string;
  definition_id: string;
  definition_key: string;
  activity_id: string;
  activity_name: string | null;
  activity_type: string;
  execution_id: string | null;
  task_id: string | null;
  assignee: string | null;
  called_instance_id: string | null;
  start_time: Date;
  end_time: Date | null;
  duration_ms: string | null;
  canceled: boolean;
  complete_scope: boolean;
  tenant_id: string | null;
  root_instance_id: string;
}

export interface HistoricActivityInstanceFilter {
  activityInstanceId?: string;
  processInstanceId?: string;
  processDefinitionId?: string;
  executionId?: string;
  activityId?: string;
  activityName?: string;
  activityType?: string;
  taskAssignee?: string;
  finished?: boolean;
  unfinished?: boolean;
  canceled?: boolean;
  completeScope?: boolean;
  startedBefore?: Date;
  startedAfter?: Date;
  finishedBefore?: Date;
  finishedAfter?: Date;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
}

/** An end event that ended normally completed its scope (Camunda's completeScope). */
const COMPLETE_SCOPE_SQL = `(a.activity_type = 'endEvent' AND a.end_time IS NOT NULL AND NOT a.canceled)`;

const SORT_COLUMNS: Record<HistoricActivityInstanceSortKey, string> = {
  activityInstanceId: 'a.id',
  instanceId: 'a.instance_id',
  executionId: 'a.execution_id',
  activityId: 'a.activity_id',
  activityName: 'a.activity_name',
  activityType: 'a.activity_type',
  startTime: 'a.start_time',
  endTime: 'a.end_time',
  duration: 'a.duration_ms',
  definitionId: 'a.definition_id',
  occurrence: 'a.seq',
  tenantId: 'p.tenant_id',
};

const FROM = `history_activity_instance a LEFT JOIN history_process_instance p ON p.id = a.instance_id`;
const COLUMNS = `a.*, ${COMPLETE_SCOPE_SQL} AS complete_scope, p.tenant_id, ${rootInstanceIdSql('a.instance_id')} AS root_instance_id`;

/** All SQL reading history_activity_instance. */
@Injectable()
export class HistoricActivityInstanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(
    filter: HistoricActivityInstanceFilter,
    sorts: SortSpec<HistoricActivityInstanceSortKey>[],
    page: Page,
    caller: CallerInfo,
  ): Promise<HistoricActivityInstanceRow[]> {
    const c = conditions(filter, caller);
    // seq is the order activities started in: the natural order of an instance's history.
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} ${c.toWhere()}
       ${orderBy(sorts, SORT_COLUMNS, 'a.seq')} OFFSET ${page.offset} LIMIT ${page.limit}`,
      c.params,
    );
  }

  async count(filter: HistoricActivityInstanceFilter, caller: CallerInfo): Promise<number> {
    const c = conditions(filter, caller);
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM ${FROM} ${c.toWhere()}`,
      c.params,
    );
    return row.count;
  }

  /** Null when there is no such activity instance or the caller may not see its process instance. */
  async findById(id: string, caller: CallerInfo): Promise<HistoricActivityInstanceRow | null> {
    const c = new SqlConditions();
    c.add('a.id = ?', id);
    c.visibleTo(caller, 'a.instance_id');
    const rows: HistoricActivityInstanceRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} ${c.toWhere()}`,
      c.params,
    );
    return rows[0] ?? null;
  }
}

function conditions(f: HistoricActivityInstanceFilter, caller: CallerInfo): SqlConditions {
  const c = new SqlConditions();
  c.visibleTo(caller, 'a.instance_id');
  c.when(f.activityInstanceId, 'a.id = ?');
  c.when(f.processInstanceId, 'a.instance_id = ?');
  c.when(f.processDefinitionId, 'a.definition_id = ?');
  c.when(f.executionId, 'a.execution_id = ?');
  c.when(f.activityId, 'a.activity_id = ?');
  c.when(f.activityName, 'a.activity_name = ?');
  c.when(f.activityType, 'a.activity_type = ?');
  c.when(f.taskAssignee, 'a.assignee = ?');
  if (f.finished) c.raw('a.end_time IS NOT NULL');
  if (f.unfinished) c.raw('a.end_time IS NULL');
  if (f.canceled) c.raw('a.canceled');
  if (f.completeScope) c.raw(COMPLETE_SCOPE_SQL);
  c.when(f.startedBefore, 'a.start_time <= ?');
  c.when(f.startedAfter, 'a.start_time >= ?');
  c.when(f.finishedBefore, 'a.end_time <= ?');
  c.when(f.finishedAfter, 'a.end_time >= ?');
  c.when(f.tenantIdIn, 'p.tenant_id = ANY(?)');
  if (f.withoutTenantId) c.raw('p.tenant_id IS NULL');
  return c;
}
