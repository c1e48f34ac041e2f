import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CallerInfo } from '../../common/caller.decorator.js';
import type { Page } from '../../common/query/paging.dto.js';
import { rootInstanceIdSql, taskActivityInstanceIdSql } from '../query/history-sql.js';
import { valuePredicate } from '../query/history-variable-filter.js';
import { orderBy, type SortSpec } from '../query/sorting.js';
import { SqlConditions } from '../query/sql-conditions.js';
import type { HistoricVariableInstanceSortKey } from './historic-variable-instance-query.dto.js';

export interface HistoricVariableRow {
  id: string;
  instance_id: string;
  definition_key: string | null;
  definition_id: string | null;
  task_id: string | null;
  name: string;
  type: string;
  value: unknown;
  value_info: Record<string, unknown> | null;
  state: string;
  created: Date;
  execution_id: string | null;
  activity_instance_id: string | null;
  tenant_id: string | null;
  root_instance_id: string;
}

export interface HistoricVariableFilter {
  variableName?: string;
  variableNameIn?: string[];
  variableNameLike?: string;
  /** The variable equals any of these values. */
  variableValues?: unknown[];
  variableNamesIgnoreCase?: boolean;
  variableValuesIgnoreCase?: boolean;
  variableTypeIn?: string[];
  includeDeleted?: boolean;
  processInstanceId?: string;
  processInstanceIdIn?: string[];
  processDefinitionId?: string;
  processDefinitionKey?: string;
  executionIdIn?: string[];
  taskIdIn?: string[];
  activityInstanceIdIn?: string[];
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
}

// A process variable lives in the instance's root execution and activity instance, which
// Camunda identifies by the process instance id; a task variable in its task's.
const EXECUTION_ID = `CASE WHEN v.task_id IS NULL THEN v.instance_id ELSE t.execution_id END`;
const ACTIVITY_INSTANCE_ID = `CASE WHEN v.task_id IS NULL THEN v.instance_id ELSE ${taskActivityInstanceIdSql('v.task_id')} END`;

const FROM = `history_variable v
  LEFT JOIN history_process_instance p ON p.id = v.instance_id
  LEFT JOIN history_task t ON t.id = v.task_id`;
const COLUMNS = `v.id, v.instance_id, coalesce(v.definition_key, p.definition_key) AS definition_key,
  p.definition_id, v.task_id, v.name, v.type, v.value, v.value_info, v.state, v.created,
  ${EXECUTION_ID} AS execution_id, ${ACTIVITY_INSTANCE_ID} AS activity_instance_id, p.tenant_id,
  ${rootInstanceIdSql('v.instance_id')} AS root_instance_id`;

const SORT_COLUMNS: Record<HistoricVariableInstanceSortKey, string> = {
  instanceId: 'v.instance_id',
  variableName: 'v.name',
  tenantId: 'p.tenant_id',
};

/** All SQL reading history_variable. */
@Injectable()
export class HistoricVariableInstanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(
    filter: HistoricVariableFilter,
    sorts: SortSpec<HistoricVariableInstanceSortKey>[],
    page: Page,
    caller: CallerInfo,
  ): Promise<HistoricVariableRow[]> {
    const c = conditions(filter, caller);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} ${c.toWhere()}
       ${orderBy(sorts, SORT_COLUMNS, 'v.created, v.id')} OFFSET ${page.offset} LIMIT ${page.limit}`,
      c.params,
    );
  }

  async count(filter: HistoricVariableFilter, caller: CallerInfo): Promise<number> {
    const c = conditions(filter, caller);
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM ${FROM} ${c.toWhere()}`,
      c.params,
    );
    return row.count;
  }

  /** By id, deleted or not: the caller names the row. Null too when the caller may not see its instance. */
  async findById(id: string, caller: CallerInfo): Promise<HistoricVariableRow | null> {
    const c = new SqlConditions();
    c.add('v.id = ?', id);
    c.visibleTo(caller, 'v.instance_id');
    const rows: HistoricVariableRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} ${c.toWhere()}`,
      c.params,
    );
    return rows[0] ?? null;
  }
}

function conditions(f: HistoricVariableFilter, caller: CallerInfo): SqlConditions {
  const c = new SqlConditions();
  c.visibleTo(caller, 'v.instance_id');
  const fold = (sql: string) => (f.variableNamesIgnoreCase ? `lower(${sql})` : sql);
  c.when(f.variableName, `${fold('v.name')} = ${fold('?::text')}`);
  if (f.variableNameIn) {
    c.add(
      `${fold('v.name')} = ANY(?)`,
      f.variableNamesIgnoreCase ? f.variableNameIn.map((n) => n.toLowerCase()) : f.variableNameIn,
    );
  }
  c.when(f.variableNameLike, `${fold('v.name')} LIKE ${fold('?::text')}`);
  if (f.variableValues) {
    const ignoreCase = f.variableValuesIgnoreCase ?? false;
    c.raw(
      `(${f.variableValues.map((value) => valuePredicate('v', 'eq', value, c, ignoreCase)).join(' OR ')})`,
    );
  }
  c.when(
    f.variableTypeIn?.map((type) => type.toLowerCase()),
    'lower(v.type) = ANY(?)',
  );
  if (!f.includeDeleted) c.raw(`v.state <> 'DELETED'`);
  c.when(f.processInstanceId, 'v.instance_id = ?');
  c.when(f.processInstanceIdIn, 'v.instance_id = ANY(?)');
  c.when(f.processDefinitionId, 'p.definition_id = ?');
  c.when(f.processDefinitionKey, 'coalesce(v.definition_key, p.definition_key) = ?');
  c.when(f.executionIdIn, `${EXECUTION_ID} = ANY(?)`);
  c.when(f.taskIdIn, 'v.task_id = ANY(?)');
  c.when(f.activityInstanceIdIn, `${ACTIVITY_INSTANCE_ID} = ANY(?)`);
  c.when(f.tenantIdIn, 'p.tenant_id = ANY(?)');
  if (f.withoutTenantId) c.raw('p.tenant_id IS NULL');
  return c;
}
