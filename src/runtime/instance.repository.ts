import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { instanceVisibility } from '../auth/visibility.js';
import type { CallerInfo } from '../common/caller.decorator.js';
import type { Page } from '../common/query/paging.dto.js';
import type { EngineState } from '../engine/engine-session.js';
import type { RuntimeTable } from './runtime-projection.js';
import { variableFilterSql, type VariableFilter } from './variable-filter.js';

export interface InstanceRow {
  id: string;
  definition_id: string;
  definition_key: string;
  business_key: string | null;
  state: string;
  engine_state: EngineState | null;
  /** Where its runtime rows are (see RuntimeProjection); null: not recorded, anywhere. */
  runtime_tables: RuntimeTable[] | null;
  super_instance_id: string | null;
  super_execution_id: string | null;
  start_user_id: string | null;
  start_time: Date;
  revision: number;
  tenant_id: string | null;
}

export interface InstanceFilter {
  ids?: string[];
  businessKey?: string;
  businessKeyLike?: string;
  definitionId?: string;
  definitionKey?: string;
  definitionKeyIn?: string[];
  superInstanceId?: string;
  subInstanceId?: string;
  suspended?: boolean;
  withIncident?: boolean;
  activityIdIn?: string[];
  variables?: VariableFilter[];
}

const SORT: Record<string, string> = {
  instanceId: 'i.id',
  definitionKey: 'i.definition_key',
  definitionId: 'i.definition_id',
  businessKey: 'i.business_key',
  startTime: 'i.start_time',
};

/** All SQL on process_instance. */
@Injectable()
export class InstanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Locks the instance row for this unit of work: commands on one instance run one at a time. */
  async lock(tx: EntityManager, id: string): Promise<InstanceRow | null> {
    const rows: InstanceRow[] = await tx.query(
      `SELECT * FROM process_instance WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insert(
    tx: EntityManager,
    row: Omit<InstanceRow, 'revision' | 'engine_state'>,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO process_instance (id, definition_id, definition_key, business_key, state, super_instance_id,
         super_execution_id, start_user_id, start_time, tenant_id, runtime_tables)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        row.id,
        row.definition_id,
        row.definition_key,
        row.business_key,
        row.state,
        row.super_instance_id,
        row.super_execution_id,
        row.start_user_id,
        row.start_time,
        row.tenant_id,
        row.runtime_tables,
      ],
    );
  }

  async saveState(
    tx: EntityManager,
    id: string,
    state: EngineState,
    runtimeTables: RuntimeTable[],
  ): Promise<void> {
    await tx.query(
      `UPDATE process_instance SET engine_state = $2, runtime_tables = $3, revision = revision + 1
       WHERE id = $1`,
      [id, JSON.stringify(state), runtimeTables],
    );
  }

  async delete(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`DELETE FROM process_instance WHERE id = $1`, [id]);
  }

  /** The instance if it exists and the caller may see it; null either way otherwise. */
  async findById(id: string, caller: CallerInfo): Promise<InstanceRow | null> {
    const params: unknown[] = [id];
    const visible = instanceVisibility(caller, 'i.id', params);
    const rows: InstanceRow[] = await this.dataSource.query(
      `SELECT ${LIST_COLUMNS} FROM process_instance i WHERE i.id = $1${visible ? ` AND ${visible}` : ''}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** Whether the instance exists and the caller may see it (inside a command's transaction when given). */
  async isVisible(id: string, caller: CallerInfo, tx?: EntityManager): Promise<boolean> {
    const params: unknown[] = [id];
    const visible = instanceVisibility(caller, 'i.id', params);
    const rows: unknown[] = await (tx ?? this.dataSource).query(
      `SELECT 1 FROM process_instance i WHERE i.id = $1${visible ? ` AND ${visible}` : ''}`,
      params,
    );
    return rows.length > 0;
  }

  async childOf(tx: EntityManager, parentId: string, executionId: string): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM process_instance WHERE super_instance_id = $1 AND super_execution_id = $2`,
      [parentId, executionId],
    );
    return rows[0]?.id ?? null;
  }

  async childrenOf(tx: EntityManager, id: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM process_instance WHERE super_instance_id = $1`,
      [id],
    );
    return rows.map((row) => row.id);
  }

  async idsOfDefinitions(tx: EntityManager, definitionIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM process_instance WHERE definition_id = ANY($1) AND super_instance_id IS NULL`,
      [definitionIds],
    );
    return rows.map((row) => row.id);
  }

  /** The instances matching the filter that the caller may see, one page. */
  async list(
    filter: InstanceFilter,
    caller: CallerInfo,
    sort: { by: string; order: 'ASC' | 'DESC' },
    page: Page,
  ): Promise<InstanceRow[]> {
    const { where, params } = this.where(filter, caller);
    return this.dataSource.query(
      `SELECT ${LIST_COLUMNS} FROM process_instance i ${where}
       ORDER BY ${SORT[sort.by] ?? 'i.start_time'} ${sort.order}, i.id
       OFFSET ${page.offset} LIMIT ${page.limit}`,
      params,
    );
  }

  async count(filter: InstanceFilter, caller: CallerInfo): Promise<number> {
    const { where, params } = this.where(filter, caller);
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM process_instance i ${where}`,
      params,
    );
    return row.count;
  }

  private where(f: InstanceFilter, caller: CallerInfo): { where: string; params: unknown[] } {
    const params: unknown[] = [];
    const conditions: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (f.ids) add('i.id = ANY(?)', f.ids);
    if (f.businessKey !== undefined) add('i.business_key = ?', f.businessKey);
    if (f.businessKeyLike !== undefined) add('i.business_key LIKE ?', f.businessKeyLike);
    if (f.definitionId !== undefined) add('i.definition_id = ?', f.definitionId);
    if (f.definitionKey !== undefined) add('i.definition_key = ?', f.definitionKey);
    if (f.definitionKeyIn) add('i.definition_key = ANY(?)', f.definitionKeyIn);
    if (f.superInstanceId !== undefined) add('i.super_instance_id = ?', f.superInstanceId);
    if (f.subInstanceId !== undefined) {
      add(
        'i.id = (SELECT s.super_instance_id FROM process_instance s WHERE s.id = ?)',
        f.subInstanceId,
      );
    }
    if (f.suspended !== undefined) add(`(i.state = 'SUSPENDED') = ?`, f.suspended);
    if (f.withIncident)
      conditions.push('EXISTS (SELECT 1 FROM incident x WHERE x.instance_id = i.id)');
    if (f.activityIdIn) {
      add(
        `(EXISTS (SELECT 1 FROM task t WHERE t.instance_id = i.id AND t.activity_id = ANY(?))
          OR EXISTS (SELECT 1 FROM history_activity_instance h WHERE h.instance_id = i.id AND h.end_time IS NULL AND h.activity_id = ANY($${params.length})))`,
        f.activityIdIn,
      );
    }
    for (const variable of f.variables ?? []) {
      conditions.push(variableFilterSql(variable, 'i.id', params));
    }
    const visible = instanceVisibility(caller, 'i.id', params);
    if (visible) conditions.push(visible);
    return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
  }
}

const LIST_COLUMNS = `i.id, i.definition_id, i.definition_key, i.business_key, i.state, i.super_instance_id,
  i.super_execution_id, i.start_user_id, i.start_time, i.revision, i.tenant_id`;
