import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { instanceVisibility } from '../auth/visibility.js';
import { hasRole, type CallerInfo } from '../common/caller.decorator.js';
import type { Page } from '../common/query/paging.dto.js';
import { DEFAULT_EXTERNAL_TASK_ORDER } from './list-order.js';

export interface ExternalTaskRow {
  id: string;
  instance_id: string;
  definition_id: string;
  definition_key: string;
  business_key: string | null;
  activity_id: string;
  execution_id: string;
  topic: string;
  worker_id: string | null;
  lock_expiration: Date | null;
  retries: number | null;
  error_message: string | null;
  error_details: string | null;
  priority: number;
  suspended: boolean;
  created: Date;
}

export type NewExternalTask = Pick<
  ExternalTaskRow,
  | 'id'
  | 'instance_id'
  | 'definition_id'
  | 'definition_key'
  | 'business_key'
  | 'activity_id'
  | 'execution_id'
  | 'topic'
  | 'priority'
  | 'created'
>;

/** All SQL on external_task: service tasks waiting for an external worker. */
@Injectable()
export class ExternalTaskRepository {
  constructor(private readonly dataSource: DataSource) {}

  byInstance(tx: EntityManager, instanceId: string): Promise<ExternalTaskRow[]> {
    return tx.query(`SELECT * FROM external_task WHERE instance_id = $1`, [instanceId]);
  }

  async findById(id: string): Promise<ExternalTaskRow | null> {
    const rows: ExternalTaskRow[] = await this.dataSource.query(
      `SELECT * FROM external_task WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * The task if the caller may see it; null as for a missing one. With `tx` the row is locked for
   * an update.
   */
  async findVisible(
    id: string,
    caller: CallerInfo,
    tx?: EntityManager,
  ): Promise<ExternalTaskRow | null> {
    const params: unknown[] = [id];
    const visible = externalTaskVisibility(caller, params);
    const rows: ExternalTaskRow[] = await (tx ?? this.dataSource).query(
      `SELECT * FROM external_task t WHERE t.id = $1${visible ? ` AND ${visible}` : ''}${tx ? ' FOR UPDATE' : ''}`,
      params,
    );
    return rows[0] ?? null;
  }

  async insert(tx: EntityManager, row: NewExternalTask): Promise<void> {
    await tx.query(
      `INSERT INTO external_task (id, instance_id, definition_id, definition_key, business_key, activity_id, execution_id, topic, priority, created)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        row.id,
        row.instance_id,
        row.definition_id,
        row.definition_key,
        row.business_key,
        row.activity_id,
        row.execution_id,
        row.topic,
        row.priority,
        row.created,
      ],
    );
  }

  /** `now` is the service clock: whether a lock has expired is decided by it, not the database's. */
  list(
    filter: ExternalTaskFilter,
    page: Page,
    now: Date,
    caller: CallerInfo,
    order = DEFAULT_EXTERNAL_TASK_ORDER,
  ): Promise<ExternalTaskRow[]> {
    const { where, params } = externalTaskWhere(filter, now, caller);
    return this.dataSource.query(
      `SELECT * FROM external_task t ${where} ${order} OFFSET ${page.offset} LIMIT ${page.limit}`,
      params,
    );
  }

  async count(filter: ExternalTaskFilter, now: Date, caller: CallerInfo): Promise<number> {
    const { where, params } = externalTaskWhere(filter, now, caller);
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM external_task t ${where}`,
      params,
    );
    return row.count;
  }

  /**
   * Claims up to `limit` unlocked tasks of the topics with FOR UPDATE SKIP LOCKED, so concurrent
   * workers (and service nodes) never get the same task, and locks them for the worker.
   */
  async lockAvailable(
    tx: EntityManager,
    topics: TopicFilter[],
    workerId: string,
    limit: number,
    usePriority: boolean,
    now: Date,
  ): Promise<ExternalTaskRow[]> {
    const locked: ExternalTaskRow[] = [];
    for (const topic of topics) {
      if (locked.length >= limit) break;
      const params: unknown[] = [topic.topicName, now];
      const conditions = [
        't.topic = $1',
        '(t.lock_expiration IS NULL OR t.lock_expiration < $2)',
        '(t.retries IS NULL OR t.retries > 0)',
        'NOT t.suspended',
      ];
      const filters: [string | undefined, string][] = [
        [topic.businessKey, 't.business_key'],
        [topic.processDefinitionKey, 't.definition_key'],
        [topic.processDefinitionId, 't.definition_id'],
      ];
      for (const [value, column] of filters) {
        if (value === undefined) continue;
        params.push(value);
        conditions.push(`${column} = $${params.length}`);
      }
      const lists: [string[] | undefined, string][] = [
        [topic.processDefinitionKeyIn, 't.definition_key'],
        [topic.processDefinitionIdIn, 't.definition_id'],
      ];
      for (const [values, column] of lists) {
        if (values === undefined) continue;
        params.push(values);
        conditions.push(`${column} = ANY($${params.length})`);
      }
      for (const [name, value] of Object.entries(topic.processVariables ?? {})) {
        params.push(name, JSON.stringify(value));
        conditions.push(
          `EXISTS (SELECT 1 FROM variable v WHERE v.instance_id = t.instance_id AND v.task_id IS NULL
             AND v.name = $${params.length - 1} AND v.value = $${params.length}::jsonb)`,
        );
      }
      if (topic.tenantIdIn?.length && !topic.withoutTenantId) continue; // no task has a tenant
      const order = usePriority ? 't.priority DESC, t.created' : 't.created';
      const rows = await tx.query<ExternalTaskRow[]>(
        `SELECT t.* FROM external_task t WHERE ${conditions.join(' AND ')}
         ORDER BY ${order}, t.id LIMIT ${limit - locked.length} FOR UPDATE SKIP LOCKED`,
        params,
      );
      const expiration = new Date(now.getTime() + topic.lockDuration);
      for (const row of rows) {
        await tx.query(
          `UPDATE external_task SET worker_id = $2, lock_expiration = $3 WHERE id = $1`,
          [row.id, workerId, expiration],
        );
        locked.push({ ...row, worker_id: workerId, lock_expiration: expiration });
      }
    }
    return locked;
  }

  async lock(tx: EntityManager, id: string): Promise<ExternalTaskRow | null> {
    const rows = await tx.query<ExternalTaskRow[]>(
      `SELECT * FROM external_task WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async update(
    tx: EntityManager,
    id: string,
    changes: Partial<
      Pick<
        ExternalTaskRow,
        'worker_id' | 'lock_expiration' | 'retries' | 'error_message' | 'error_details'
      >
    >,
  ): Promise<void> {
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    const sets = entries.map(([column], i) => `${column} = $${i + 2}`).join(', ');
    await tx.query(`UPDATE external_task SET ${sets} WHERE id = $1`, [
      id,
      ...entries.map(([, value]) => value),
    ]);
  }

  async delete(tx: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await tx.query(`DELETE FROM external_task WHERE id = ANY($1)`, [ids]);
  }
}

export interface TopicFilter {
  topicName: string;
  lockDuration: number;
  businessKey?: string;
  processDefinitionKey?: string;
  processDefinitionId?: string;
  processDefinitionKeyIn?: string[];
  processDefinitionIdIn?: string[];
  processVariables?: Record<string, unknown>;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
}

export interface ExternalTaskFilter {
  processDefinitionKey?: string;
  locked?: boolean;
  notLocked?: boolean;
  withRetriesLeft?: boolean;
  noRetriesLeft?: boolean;
  externalTaskId?: string;
  topicName?: string;
  workerId?: string;
  processInstanceId?: string;
  processDefinitionId?: string;
  activityId?: string;
}

/**
 * Workers (integrations) see every external task: fetching and locking is how they work. Others see
 * the tasks of instances they may see (admins and analysts all of them, managers their team's).
 */
function externalTaskVisibility(caller: CallerInfo, params: unknown[]): string | null {
  return hasRole(caller, 'worker') ? null : instanceVisibility(caller, 't.instance_id', params);
}

function externalTaskWhere(
  f: ExternalTaskFilter,
  now: Date,
  caller: CallerInfo,
): { where: string; params: unknown[] } {
  const columns: [keyof ExternalTaskFilter, string][] = [
    ['externalTaskId', 'id'],
    ['topicName', 'topic'],
    ['workerId', 'worker_id'],
    ['processInstanceId', 'instance_id'],
    ['processDefinitionId', 'definition_id'],
    ['activityId', 'activity_id'],
  ];
  const params: unknown[] = [];
  const conditions: string[] = [];
  for (const [key, column] of columns) {
    if (f[key] === undefined) continue;
    params.push(f[key]);
    conditions.push(`t.${column} = $${params.length}`);
  }
  if (f.processDefinitionKey !== undefined) {
    params.push(f.processDefinitionKey);
    conditions.push(`t.definition_key = $${params.length}`);
  }
  if (f.locked || f.notLocked) params.push(now);
  if (f.locked) conditions.push(`t.lock_expiration > $${params.length}`);
  if (f.notLocked)
    conditions.push(`(t.lock_expiration IS NULL OR t.lock_expiration <= $${params.length})`);
  if (f.withRetriesLeft) conditions.push('(t.retries IS NULL OR t.retries > 0)');
  if (f.noRetriesLeft) conditions.push('t.retries = 0');
  const visible = externalTaskVisibility(caller, params);
  if (visible) conditions.push(visible);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
