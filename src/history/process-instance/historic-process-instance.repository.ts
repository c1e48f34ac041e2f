import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CallerInfo } from '../../common/caller.decorator.js';
import type { Page } from '../../common/query/paging.dto.js';
import type { VariableFilter } from '../../runtime/variable-filter.js';
import { rootInstanceIdSql } from '../query/history-sql.js';
import { historyVariableSql } from '../query/history-variable-filter.js';
import { orderBy, type SortSpec } from '../query/sorting.js';
import { SqlConditions } from '../query/sql-conditions.js';
import type { HistoricProcessInstanceSortKey } from './historic-process-instance-query.dto.js';

export interface HistoricProcessInstanceRow {
  id: string;
  business_key: string | null;
  definition_id: string;
  definition_key: string;
  definition_name: string | null;
  definition_version: number;
  start_time: Date;
  end_time: Date | null;
  duration_ms: string | null;
  state: string;
  start_user_id: string | null;
  start_activity_id: string | null;
  end_activity_id: string | null;
  super_instance_id: string | null;
  delete_reason: string | null;
  tenant_id: string | null;
  root_instance_id: string;
}

/** Camunda's filter names; lists already split, variables already parsed. */
export interface HistoricProcessInstanceFilter {
  processInstanceId?: string;
  processInstanceIds?: string[];
  processInstanceBusinessKey?: string;
  processInstanceBusinessKeyIn?: string[];
  processInstanceBusinessKeyLike?: string;
  processDefinitionId?: string;
  processDefinitionKey?: string;
  processDefinitionKeyIn?: string[];
  processDefinitionKeyNotIn?: string[];
  processDefinitionName?: string;
  processDefinitionNameLike?: string;
  rootProcessInstances?: boolean;
  finished?: boolean;
  unfinished?: boolean;
  withIncidents?: boolean;
  incidentType?: string;
  incidentMessage?: string;
  incidentMessageLike?: string;
  startedBefore?: Date;
  startedAfter?: Date;
  finishedBefore?: Date;
  finishedAfter?: Date;
  executedActivityAfter?: Date;
  executedActivityBefore?: Date;
  startedBy?: string;
  superProcessInstanceId?: string;
  subProcessInstanceId?: string;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
  executedActivityIdIn?: string[];
  activeActivityIdIn?: string[];
  /** Instances in any of these states (ACTIVE, SUSPENDED, COMPLETED, …). */
  states?: string[];
  variables?: VariableFilter[];
  variableNamesIgnoreCase?: boolean;
  variableValuesIgnoreCase?: boolean;
}

const SORT_COLUMNS: Record<HistoricProcessInstanceSortKey, string> = {
  instanceId: 'h.id',
  definitionId: 'h.definition_id',
  definitionKey: 'h.definition_key',
  definitionName: 'h.definition_name',
  definitionVersion: 'h.definition_version',
  businessKey: 'h.business_key',
  startTime: 'h.start_time',
  endTime: 'h.end_time',
  duration: 'h.duration_ms',
  tenantId: 'h.tenant_id',
};

/** All SQL reading history_process_instance. */
@Injectable()
export class HistoricProcessInstanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(
    filter: HistoricProcessInstanceFilter,
    sorts: SortSpec<HistoricProcessInstanceSortKey>[],
    page: Page,
    caller: CallerInfo,
  ): Promise<HistoricProcessInstanceRow[]> {
    const c = conditions(filter, caller);
    return this.dataSource.query(
      `SELECT h.*, ${rootInstanceIdSql('h.id')} AS root_instance_id FROM history_process_instance h ${c.toWhere()}
       ${orderBy(sorts, SORT_COLUMNS, 'h.start_time, h.id')} OFFSET ${page.offset} LIMIT ${page.limit}`,
      c.params,
    );
  }

  async count(filter: HistoricProcessInstanceFilter, caller: CallerInfo): Promise<number> {
    const c = conditions(filter, caller);
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM history_process_instance h ${c.toWhere()}`,
      c.params,
    );
    return row.count;
  }

  /** Null when there is no such instance or the caller may not see it. */
  async findById(id: string, caller: CallerInfo): Promise<HistoricProcessInstanceRow | null> {
    const c = new SqlConditions();
    c.add('h.id = ?', id);
    c.visibleTo(caller, 'h.id');
    const rows: HistoricProcessInstanceRow[] = await this.dataSource.query(
      `SELECT h.*, ${rootInstanceIdSql('h.id')} AS root_instance_id FROM history_process_instance h ${c.toWhere()}`,
      c.params,
    );
    return rows[0] ?? null;
  }
}

function conditions(f: HistoricProcessInstanceFilter, caller: CallerInfo): SqlConditions {
  const c = new SqlConditions();
  c.visibleTo(caller, 'h.id');
  c.when(f.processInstanceId, 'h.id = ?');
  c.when(f.processInstanceIds, 'h.id = ANY(?)');
  c.when(f.processInstanceBusinessKey, 'h.business_key = ?');
  c.when(f.processInstanceBusinessKeyIn, 'h.business_key = ANY(?)');
  c.when(f.processInstanceBusinessKeyLike, 'h.business_key LIKE ?');
  c.when(f.processDefinitionId, 'h.definition_id = ?');
  c.when(f.processDefinitionKey, 'h.definition_key = ?');
  c.when(f.processDefinitionKeyIn, 'h.definition_key = ANY(?)');
  c.when(f.processDefinitionKeyNotIn, 'NOT (h.definition_key = ANY(?))');
  c.when(f.processDefinitionName, 'h.definition_name = ?');
  c.when(f.processDefinitionNameLike, 'h.definition_name LIKE ?');
  if (f.rootProcessInstances) c.raw('h.super_instance_id IS NULL');
  if (f.finished) c.raw('h.end_time IS NOT NULL');
  if (f.unfinished) c.raw('h.end_time IS NULL');
  c.when(f.startedBefore, 'h.start_time <= ?');
  c.when(f.startedAfter, 'h.start_time >= ?');
  c.when(f.finishedBefore, 'h.end_time <= ?');
  c.when(f.finishedAfter, 'h.end_time >= ?');
  c.when(f.startedBy, 'h.start_user_id = ?');
  c.when(f.superProcessInstanceId, 'h.super_instance_id = ?');
  c.when(
    f.subProcessInstanceId,
    'h.id = (SELECT s.super_instance_id FROM history_process_instance s WHERE s.id = ?)',
  );
  c.when(f.tenantIdIn, 'h.tenant_id = ANY(?)');
  if (f.withoutTenantId) c.raw('h.tenant_id IS NULL');
  c.when(f.states, 'h.state = ANY(?)');
  incidentConditions(f, c);
  activityConditions(f, c);
  const matching = {
    namesIgnoreCase: f.variableNamesIgnoreCase,
    valuesIgnoreCase: f.variableValuesIgnoreCase,
  };
  for (const variable of f.variables ?? [])
    c.raw(historyVariableSql(variable, 'hv.instance_id = h.id', c, matching));
  return c;
}

/** Incidents are runtime rows (removed once resolved): these filters see open incidents only. */
function incidentConditions(f: HistoricProcessInstanceFilter, c: SqlConditions): void {
  const exists = (sql: string, value?: string) =>
    c.add(
      `EXISTS (SELECT 1 FROM incident x WHERE x.instance_id = h.id${sql})`,
      ...(value === undefined ? [] : [value]),
    );
  if (f.withIncidents) exists('');
  if (f.incidentType !== undefined) exists(' AND x.type = ?', f.incidentType);
  if (f.incidentMessage !== undefined) exists(' AND x.message = ?', f.incidentMessage);
  if (f.incidentMessageLike !== undefined) exists(' AND x.message LIKE ?', f.incidentMessageLike);
}

function activityConditions(f: HistoricProcessInstanceFilter, c: SqlConditions): void {
  const exists = (sql: string, ...values: unknown[]) =>
    c.add(
      `EXISTS (SELECT 1 FROM history_activity_instance a WHERE a.instance_id = h.id AND ${sql})`,
      ...values,
    );
  if (f.executedActivityIdIn)
    exists('a.activity_id = ANY(?) AND a.end_time IS NOT NULL', f.executedActivityIdIn);
  if (f.activeActivityIdIn)
    exists('a.activity_id = ANY(?) AND a.end_time IS NULL', f.activeActivityIdIn);
  if (f.executedActivityAfter)
    exists(
      '(a.start_time >= ? OR a.end_time >= ?)',
      f.executedActivityAfter,
      f.executedActivityAfter,
    );
  if (f.executedActivityBefore)
    exists(
      '(a.start_time <= ? OR a.end_time <= ?)',
      f.executedActivityBefore,
      f.executedActivityBefore,
    );
}
