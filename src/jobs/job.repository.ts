import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

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
>;

/** All SQL on job: timers (and later async continuations), each a row with its due date. */
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

  async insert(tx: EntityManager, job: NewJob): Promise<void> {
    await tx.query(
      `INSERT INTO job (id, type, instance_id, definition_id, definition_key, activity_id, execution_id, due_date, handler, created)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
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
      ],
    );
  }

  async delete(tx: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await tx.query(`DELETE FROM job WHERE id = ANY($1)`, [ids]);
  }

  /** Timer start jobs of every version of a process key (a new version replaces them). */
  async deleteStartTimersOfKey(tx: EntityManager, key: string): Promise<void> {
    await tx.query(`DELETE FROM job WHERE type = 'timer-start' AND definition_key = $1`, [key]);
  }
}
