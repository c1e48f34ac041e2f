import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { instanceVisibility } from '../auth/visibility.js';
import type { CallerInfo } from '../common/caller.decorator.js';
import type { Page } from '../common/query/paging.dto.js';
import { DEFAULT_JOB_ORDER } from './list-order.js';

export interface JobRow {
  id: string;
  type: string;
  instance_id: string | null;
  definition_id: string | null;
  definition_key: string | null;
  activity_id: string | null;
  execution_id: string | null;
  due_date: Date | null;
  repeat: string | null;
  handler: Record<string, unknown>;
  retries: number;
  lock_owner: string | null;
  lock_expiration: Date | null;
  exception_message: string | null;
  priority: number;
  suspended: boolean;
  created: Date;
}

export type NewJob = Pick<
  JobRow,
  | 'id'
  | 'type'
  | 'instance_id'
  | 'definition_id'
  | 'definition_key'
  | 'activity_id'
  | 'execution_id'
  | 'due_date'
  | 'handler'
  | 'created'
> & { retries?: number };

/** All SQL on job: timers and async continuations, each a row with its due date. */
@Injectable()
export class JobRepository {
  constructor(private readonly dataSource: DataSource) {}

  byInstance(tx: EntityManager, instanceId: string): Promise<JobRow[]> {
    return tx.query(`SELECT * FROM job WHERE instance_id = $1`, [instanceId]);
  }

  async findById(id: string): Promise<JobRow | null> {
    const rows: JobRow[] = await this.dataSource.query(`SELECT * FROM job WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * The job if the caller may see it (a job of an instance they see); null as for a missing one.
   * With `tx` the row is locked for an update.
   */
  async findVisible(id: string, caller: CallerInfo, tx?: EntityManager): Promise<JobRow | null> {
    const { where, params } = jobWhere({ id }, caller);
    const rows: JobRow[] = await (tx ?? this.dataSource).query(
      `SELECT * FROM job j ${where}${tx ? ' FOR UPDATE' : ''}`,
      params,
    );
    return rows[0] ?? null;
  }

  async insert(tx: EntityManager, job: NewJob): Promise<void> {
    await tx.query(
      `INSERT INTO job (id, type, instance_id, definition_id, definition_key, activity_id, execution_id, due_date, handler, created, retries)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        job.id,
        job.type,
        job.instance_id,
        job.definition_id,
        job.definition_key,
        job.activity_id,
        job.execution_id,
        job.due_date,
        JSON.stringify(job.handler),
        job.created,
        job.retries ?? 3,
      ],
    );
  }

  async delete(tx: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await tx.query(`DELETE FROM job WHERE id = ANY($1)`, [ids]);
  }

  list(
    filter: JobFilter,
    page: Page,
    caller: CallerInfo,
    order = DEFAULT_JOB_ORDER,
  ): Promise<JobRow[]> {
    const { where, params } = jobWhere(filter, caller);
    return this.dataSource.query(
      `SELECT * FROM job j ${where} ${order} OFFSET ${page.offset} LIMIT ${page.limit}`,
      params,
    );
  }

  async count(filter: JobFilter, caller: CallerInfo): Promise<number> {
    const { where, params } = jobWhere(filter, caller);
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM job j ${where}`,
      params,
    );
    return row.count;
  }

  async setDueDate(tx: EntityManager, id: string, dueDate: Date | null): Promise<void> {
    await tx.query(`UPDATE job SET due_date = $2 WHERE id = $1`, [id, dueDate]);
  }

  async reschedule(
    tx: EntityManager,
    id: string,
    dueDate: Date,
    handler: Record<string, unknown>,
  ): Promise<void> {
    await tx.query(
      `UPDATE job SET due_date = $2, handler = $3, lock_owner = NULL, lock_expiration = NULL WHERE id = $1`,
      [id, dueDate, JSON.stringify(handler)],
    );
  }

  /**
   * Claims due jobs for this node with FOR UPDATE SKIP LOCKED, so several nodes never take the
   * same job, and leases them until `leaseUntil`. A job whose earlier lease ran out was being run by
   * a node that died: it comes back too, flagged so the caller counts that run as a failed attempt.
   */
  async acquire(
    tx: EntityManager,
    owner: string,
    now: Date,
    leaseUntil: Date,
    limit: number,
  ): Promise<(JobRow & { abandoned: boolean })[]> {
    const rows = await tx.query<JobRow[]>(
      `SELECT * FROM job
        WHERE due_date <= $1 AND retries > 0 AND NOT suspended
          AND (lock_expiration IS NULL OR lock_expiration < $1)
        ORDER BY due_date, id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
      [now],
    );
    if (rows.length === 0) return [];
    await tx.query(`UPDATE job SET lock_owner = $2, lock_expiration = $3 WHERE id = ANY($1)`, [
      rows.map((row) => row.id),
      owner,
      leaseUntil,
    ]);
    return rows.map((row) => ({ ...row, abandoned: row.lock_owner !== null }));
  }

  /**
   * Extends this node's lease on a job right before running it, and returns the job as it is now.
   * Null when the job is gone or another node holds it now (this node's lease ran out meanwhile):
   * then it must not run.
   */
  async renewLease(id: string, owner: string, until: Date): Promise<JobRow | null> {
    const [rows] = await this.dataSource.query<[JobRow[], number]>(
      `UPDATE job SET lock_expiration = $3 WHERE id = $1 AND lock_owner = $2 RETURNING *`,
      [id, owner, until],
    );
    return rows[0] ?? null;
  }

  /**
   * A failed attempt by `owner`: fewer retries, the error kept, due again after the backoff,
   * unlocked. False when `owner` no longer holds the job (nothing recorded).
   */
  async recordFailure(
    id: string,
    owner: string,
    failure: { message: string; stacktrace: string; retries: number; dueDate: Date },
  ): Promise<boolean> {
    const [, affected] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE job SET retries = $3, exception_message = $4, exception_stacktrace = $5, due_date = $6,
         lock_owner = NULL, lock_expiration = NULL WHERE id = $1 AND lock_owner = $2`,
      [
        id,
        owner,
        failure.retries,
        failure.message.slice(0, 4000),
        failure.stacktrace.slice(0, 20_000),
        failure.dueDate,
      ],
    );
    return affected > 0;
  }

  /** Releases `owner`'s lock (a job that stays, e.g. a timer cycle); another node's lock is left alone. */
  async unlock(id: string, owner: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE job SET lock_owner = NULL, lock_expiration = NULL WHERE id = $1 AND lock_owner = $2`,
      [id, owner],
    );
  }

  async setRetries(tx: EntityManager, id: string, retries: number): Promise<void> {
    await tx.query(
      `UPDATE job SET retries = $2, lock_owner = NULL, lock_expiration = NULL WHERE id = $1`,
      [id, retries],
    );
  }

  async stacktrace(id: string): Promise<string | null> {
    const rows = await this.dataSource.query<{ exception_stacktrace: string | null }[]>(
      `SELECT exception_stacktrace FROM job WHERE id = $1`,
      [id],
    );
    return rows[0]?.exception_stacktrace ?? null;
  }

  /** Timer start jobs of every version of a process key (a new version replaces them). */
  async deleteStartTimersOfKey(tx: EntityManager, key: string): Promise<void> {
    await tx.query(`DELETE FROM job WHERE type = 'timer-start' AND definition_key = $1`, [key]);
  }
}

export interface JobFilter {
  id?: string;
  instanceId?: string;
  definitionId?: string;
  definitionKey?: string;
  activityId?: string;
  executionId?: string;
  timers?: boolean;
  dueBefore?: Date;
  dueAfter?: Date;
  withRetriesLeft?: boolean;
  noRetriesLeft?: boolean;
}

/** The filter's conditions, narrowed to the jobs of instances the caller may see. */
function jobWhere(f: JobFilter, caller: CallerInfo): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (f.id !== undefined) add('j.id = ?', f.id);
  if (f.instanceId !== undefined) add('j.instance_id = ?', f.instanceId);
  if (f.definitionId !== undefined) add('j.definition_id = ?', f.definitionId);
  if (f.definitionKey !== undefined) add('j.definition_key = ?', f.definitionKey);
  if (f.activityId !== undefined) add('j.activity_id = ?', f.activityId);
  if (f.executionId !== undefined) add('j.execution_id = ?', f.executionId);
  if (f.timers) conditions.push(`j.type IN ('timer', 'timer-start')`);
  if (f.dueBefore) add('j.due_date < ?', f.dueBefore);
  if (f.dueAfter) add('j.due_date > ?', f.dueAfter);
  if (f.withRetriesLeft) conditions.push('j.retries > 0');
  if (f.noRetriesLeft) conditions.push('j.retries = 0');
  const visible = instanceVisibility(caller, 'j.instance_id', params);
  if (visible) conditions.push(visible);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
