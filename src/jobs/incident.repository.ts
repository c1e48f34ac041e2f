import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

export interface IncidentRow {
  id: string;
  type: string;
  instance_id: string | null;
  definition_id: string | null;
  activity_id: string | null;
  execution_id: string | null;
  job_id: string | null;
  external_task_id: string | null;
  message: string | null;
  annotation: string | null;
  created: Date;
}

/** All SQL on incident: what failed and needs a person. */
@Injectable()
export class IncidentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(tx: EntityManager, incident: Omit<IncidentRow, 'id' | 'annotation'>): Promise<void> {
    await tx.query(
      `INSERT INTO incident (id, type, instance_id, definition_id, activity_id, execution_id, job_id, external_task_id, message, created)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        randomUUID(),
        incident.type,
        incident.instance_id,
        incident.definition_id,
        incident.activity_id,
        incident.execution_id,
        incident.job_id,
        incident.external_task_id,
        incident.message,
        incident.created,
      ],
    );
  }

  async resolveForJob(tx: EntityManager | null, jobId: string): Promise<void> {
    await (tx ?? this.dataSource).query(`DELETE FROM incident WHERE job_id = $1`, [jobId]);
  }

  async createOutside(incident: Omit<IncidentRow, 'id' | 'annotation'>): Promise<void> {
    await this.dataSource.transaction((tx) => this.create(tx, incident));
  }

  async resolveForExternalTask(tx: EntityManager, externalTaskId: string): Promise<void> {
    await tx.query(`DELETE FROM incident WHERE external_task_id = $1`, [externalTaskId]);
  }

  list(filter: {
    instanceId?: string;
    definitionId?: string;
    type?: string;
  }): Promise<IncidentRow[]> {
    const params: unknown[] = [];
    const conditions: string[] = [];
    for (const [value, column] of [
      [filter.instanceId, 'instance_id'],
      [filter.definitionId, 'definition_id'],
      [filter.type, 'type'],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      conditions.push(`${column} = $${params.length}`);
    }
    return this.dataSource.query(
      `SELECT * FROM incident ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY created, id`,
      params,
    );
  }
}
