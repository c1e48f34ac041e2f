import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

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

  async delete(tx: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await tx.query(`DELETE FROM external_task WHERE id = ANY($1)`, [ids]);
  }
}
