import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { instanceVisibility } from '../auth/visibility.js';
import type { CallerInfo } from '../common/caller.decorator.js';
import type { Page } from '../common/query/paging.dto.js';
import { DEFAULT_INCIDENT_ORDER } from './list-order.js';

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

  async resolveForJob(tx: EntityManager, jobId: string): Promise<void> {
    await tx.query(`DELETE FROM incident WHERE job_id = $1`, [jobId]);
  }

  async createOutside(incident: Omit<IncidentRow, 'id' | 'annotation'>): Promise<void> {
    await this.dataSource.transaction((tx) => this.create(tx, incident));
  }

  async resolveForExternalTask(tx: EntityManager, externalTaskId: string): Promise<void> {
    await tx.query(`DELETE FROM incident WHERE external_task_id = $1`, [externalTaskId]);
  }

  list(
    filter: IncidentFilter,
    page: Page,
    caller: CallerInfo,
    order = DEFAULT_INCIDENT_ORDER,
  ): Promise<IncidentRow[]> {
    const { where, params } = incidentWhere(filter, caller);
    return this.dataSource.query(
      `SELECT i.* FROM incident i ${where} ${order} OFFSET ${page.offset} LIMIT ${page.limit}`,
      params,
    );
  }

  async count(filter: IncidentFilter, caller: CallerInfo): Promise<number> {
    const { where, params } = incidentWhere(filter, caller);
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM incident i ${where}`,
      params,
    );
    return row.count;
  }
}

export interface IncidentFilter {
  id?: string;
  type?: string;
  instanceId?: string;
  definitionId?: string;
  activityId?: string;
  /** The failed job's or external task's id. */
  configuration?: string;
}

/** The filter's conditions, narrowed to the incidents of instances the caller may see. */
function incidentWhere(
  f: IncidentFilter,
  caller: CallerInfo,
): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions: string[] = [];
  const columns: [unknown, string][] = [
    [f.id, 'id'],
    [f.type, 'type'],
    [f.instanceId, 'instance_id'],
    [f.definitionId, 'definition_id'],
    [f.activityId, 'activity_id'],
  ];
  for (const [value, column] of columns) {
    if (value === undefined) continue;
    params.push(value);
    conditions.push(`i.${column} = $${params.length}`);
  }
  if (f.configuration !== undefined) {
    params.push(f.configuration);
    conditions.push(`(i.job_id = $${params.length} OR i.external_task_id = $${params.length})`);
  }
  const visible = instanceVisibility(caller, 'i.instance_id', params);
  if (visible) conditions.push(visible);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
