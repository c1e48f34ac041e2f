import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { StoredVariable } from '../common/variables/index.js';
import type { ActivityEvent } from '../engine/engine-session.js';
import type { TaskRow } from '../tasks/task.repository.js';
import { camundaType, foldActivityEvents } from './activity-events.js';

export interface InstanceHistoryStart {
  id: string;
  businessKey: string | null;
  definitionId: string;
  definitionKey: string;
  definitionName: string | null;
  definitionVersion: number;
  startTime: Date;
  startUserId: string | null;
  superInstanceId: string | null;
  /** The start event the engine started at. */
  startActivityId: string | null;
}

export interface OperationLogEntry {
  operationType: string;
  entityType: string;
  userId: string | null;
  instanceId?: string | null;
  taskId?: string | null;
  definitionId?: string | null;
  definitionKey?: string | null;
  deploymentId?: string | null;
  jobId?: string | null;
  changes: { property: string | null; orgValue: unknown; newValue: unknown }[];
}

/** All SQL writing history: process instances, activities, tasks, variables and the user operation log. */
@Injectable()
export class HistoryRepository {
  async startInstance(tx: EntityManager, h: InstanceHistoryStart): Promise<void> {
    await tx.query(
      `INSERT INTO history_process_instance (id, business_key, definition_id, definition_key, definition_name,
         definition_version, start_time, state, start_user_id, super_instance_id, start_activity_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'ACTIVE', $8, $9, $10)`,
      [
        h.id,
        h.businessKey,
        h.definitionId,
        h.definitionKey,
        h.definitionName,
        h.definitionVersion,
        h.startTime,
        h.startUserId,
        h.superInstanceId,
        h.startActivityId,
      ],
    );
  }

  /**
   * Ends the instance's history row and, in the same statement, closes its activities still open.
   * A completed process: an end event still open ended it (a terminate end event gets no end notice
   * from the engine), everything else was cancelled by it. A cancelled one: all were cancelled.
   */
  async endInstance(
    tx: EntityManager,
    id: string,
    end: {
      state: 'COMPLETED' | 'EXTERNALLY_TERMINATED';
      endTime: Date;
      deleteReason?: string | null;
      endActivityId?: string | null;
    },
  ): Promise<void> {
    await tx.query(
      `WITH closed AS (
         UPDATE history_activity_instance
         SET end_time = $3, canceled = ($2 <> 'COMPLETED' OR activity_type <> 'endEvent'),
           duration_ms = (extract(epoch FROM $3::timestamptz - start_time) * 1000)::bigint
         WHERE instance_id = $1 AND end_time IS NULL)
       UPDATE history_process_instance SET state = $2, end_time = $3,
         duration_ms = (extract(epoch FROM $3::timestamptz - start_time) * 1000)::bigint,
         delete_reason = $4, end_activity_id = $5
       WHERE id = $1`,
      [id, end.state, end.endTime, end.deleteReason ?? null, end.endActivityId ?? null],
    );
  }

  /**
   * Applies a unit of work's activity events (see foldActivityEvents): earlier rows closed in one
   * UPDATE, the new rows (closed already when they ended within the unit) in one INSERT, in event order.
   * Returns the executions whose rows it closed.
   */
  async recordActivities(
    tx: EntityManager,
    instance: { id: string; definitionId: string; definitionKey: string },
    events: ActivityEvent[],
  ): Promise<Set<string>> {
    const { closings, rows } = foldActivityEvents(events);
    const closed = new Set<string>();
    if (closings.length > 0) {
      // TypeORM answers an UPDATE with [rows, affected count].
      const [returned] = await tx.query<[{ execution_id: string }[], number]>(
        `UPDATE history_activity_instance h SET end_time = v.end_time, canceled = v.canceled,
           duration_ms = (extract(epoch FROM v.end_time - h.start_time) * 1000)::bigint
         FROM unnest($2::varchar[], $3::timestamptz[], $4::boolean[]) AS v(execution_id, end_time, canceled)
         WHERE h.instance_id = $1 AND h.execution_id = v.execution_id AND h.end_time IS NULL
         RETURNING h.execution_id`,
        [
          instance.id,
          closings.map((c) => c.executionId),
          closings.map((c) => c.endTime),
          closings.map((c) => c.canceled),
        ],
      );
      returned.forEach((row) => closed.add(row.execution_id));
    }
    const inserted = rows.filter((row) => !(row.fallback && closed.has(row.executionId)));
    inserted.forEach((row) => row.endTime && closed.add(row.executionId));
    if (inserted.length === 0) return closed;
    await tx.query(
      `INSERT INTO history_activity_instance (id, instance_id, definition_id, definition_key, activity_id,
         activity_name, activity_type, execution_id, start_time, end_time, duration_ms, canceled)
       SELECT v.id, $1::varchar, $2::varchar, $3::varchar, v.activity_id, v.activity_name, v.activity_type, v.execution_id,
              v.start_time, v.end_time, (extract(epoch FROM v.end_time - v.start_time) * 1000)::bigint, v.canceled
         FROM unnest($4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::varchar[],
                     $9::timestamptz[], $10::timestamptz[], $11::boolean[], $12::boolean[])
              WITH ORDINALITY AS v(id, activity_id, activity_name, activity_type, execution_id,
                                   start_time, end_time, canceled, fallback, n)
        WHERE NOT (v.fallback AND EXISTS (SELECT 1 FROM history_activity_instance e
                                           WHERE e.instance_id = $1::varchar AND e.execution_id = v.execution_id))
        ORDER BY v.n`,
      [
        instance.id,
        instance.definitionId,
        instance.definitionKey,
        inserted.map(() => randomUUID()),
        inserted.map((row) => row.activityId),
        inserted.map((row) => row.activityName),
        inserted.map((row) => row.activityType),
        inserted.map((row) => row.executionId),
        inserted.map((row) => row.startTime),
        inserted.map((row) => row.endTime),
        inserted.map((row) => row.canceled),
        inserted.map((row) => row.fallback),
      ],
    );
    return closed;
  }

  /** A multi-instance iteration's own activity instance, opened with its task (the engine reports none). */
  async startIteration(
    tx: EntityManager,
    task: TaskRow,
    activity: { name: string | null; type: string },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO history_activity_instance (id, instance_id, definition_id, definition_key, activity_id,
         activity_name, activity_type, execution_id, task_id, assignee, start_time)
       SELECT $1, $2::varchar, $3, $4, $5, $6, $7, $8::varchar, $9, $10, $11::timestamptz
        WHERE NOT EXISTS (SELECT 1 FROM history_activity_instance
                           WHERE instance_id = $2::varchar AND execution_id = $8::varchar)`,
      [
        randomUUID(),
        task.instance_id,
        task.definition_id,
        task.definition_key,
        task.activity_id,
        activity.name,
        camundaType(activity.type),
        task.execution_id,
        task.id,
        task.assignee,
        task.created,
      ],
    );
  }

  /** Closes the activity instance of a task's execution (a multi-instance iteration ends with its task). */
  async endActivityOfTask(
    tx: EntityManager,
    task: TaskRow,
    at: Date,
    canceled: boolean,
  ): Promise<void> {
    await tx.query(
      `UPDATE history_activity_instance SET end_time = $3, canceled = $4,
         duration_ms = (extract(epoch FROM $3::timestamptz - start_time) * 1000)::bigint
       WHERE instance_id = $1 AND execution_id = $2 AND end_time IS NULL`,
      [task.instance_id, task.execution_id, at, canceled],
    );
  }

  /** A call activity's row points at the child instance it started. */
  async linkCalledInstance(
    tx: EntityManager,
    parentId: string,
    executionId: string,
    childId: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE history_activity_instance SET called_instance_id = $3 WHERE instance_id = $1 AND execution_id = $2`,
      [parentId, executionId, childId],
    );
  }

  /**
   * A new task's history row; in the same statement its activity instance row gets the task id and
   * assignee (a multi-instance iteration's row, inserted after by startIteration, has them already).
   */
  async createTask(tx: EntityManager, task: TaskRow): Promise<void> {
    await tx.query(
      `WITH linked AS (
         UPDATE history_activity_instance SET task_id = $1, assignee = $9
         WHERE instance_id = $2 AND execution_id = $6)
       INSERT INTO history_task (id, instance_id, definition_id, definition_key, activity_id, execution_id, name,
         description, assignee, owner, priority, due_date, follow_up_date, start_time)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        task.id,
        task.instance_id,
        task.definition_id,
        task.definition_key,
        task.activity_id,
        task.execution_id,
        task.name,
        task.description,
        task.assignee,
        task.owner,
        task.priority,
        task.due_date,
        task.follow_up_date,
        task.created,
      ],
    );
  }

  async updateTask(
    tx: EntityManager,
    id: string,
    changes: { assignee?: string | null; owner?: string | null },
  ): Promise<void> {
    if (changes.assignee !== undefined) {
      await tx.query(`UPDATE history_task SET assignee = $2 WHERE id = $1`, [id, changes.assignee]);
      await tx.query(`UPDATE history_activity_instance SET assignee = $2 WHERE task_id = $1`, [
        id,
        changes.assignee,
      ]);
    }
    if (changes.owner !== undefined)
      await tx.query(`UPDATE history_task SET owner = $2 WHERE id = $1`, [id, changes.owner]);
  }

  async endTask(
    tx: EntityManager,
    id: string,
    endTime: Date,
    deleteReason: 'completed' | 'deleted',
  ): Promise<void> {
    await tx.query(
      `UPDATE history_task SET end_time = $2, delete_reason = $3,
         duration_ms = (extract(epoch FROM $2::timestamptz - start_time) * 1000)::bigint
       WHERE id = $1 AND end_time IS NULL`,
      [id, endTime, deleteReason],
    );
  }

  async writeVariables(
    tx: EntityManager,
    instance: { id: string; definitionKey: string },
    taskId: string | null,
    changed: Map<string, StoredVariable>,
    removed: string[],
    at: Date,
  ): Promise<void> {
    if (changed.size > 0) {
      const rows = [...changed];
      await tx.query(
        `INSERT INTO history_variable (id, instance_id, definition_key, task_id, name, type, value, value_info,
           state, created, updated)
         SELECT v.id, $1::varchar, $2::varchar, $3::varchar, v.name, v.type, v.value::jsonb,
                v.value_info::jsonb, 'CREATED', $4::timestamptz, $4::timestamptz
           FROM unnest($5::varchar[], $6::varchar[], $7::varchar[], $8::text[], $9::text[])
                AS v(id, name, type, value, value_info)
         ON CONFLICT (instance_id, coalesce(task_id, ''), name) DO UPDATE SET
           type = EXCLUDED.type, value = EXCLUDED.value, value_info = EXCLUDED.value_info, state = 'CREATED',
           updated = EXCLUDED.updated`,
        [
          instance.id,
          instance.definitionKey,
          taskId,
          at,
          rows.map(() => randomUUID()),
          rows.map(([name]) => name),
          rows.map(([, v]) => v.type),
          rows.map(([, v]) => JSON.stringify(v.value ?? null)),
          rows.map(([, v]) => (v.valueInfo ? JSON.stringify(v.valueInfo) : null)),
        ],
      );
    }
    if (removed.length > 0) {
      await tx.query(
        `UPDATE history_variable SET state = 'DELETED', updated = $4
         WHERE instance_id = $1 AND task_id IS NOT DISTINCT FROM $2 AND name = ANY($3)`,
        [instance.id, taskId, removed, at],
      );
    }
  }

  async logOperation(tx: EntityManager, entry: OperationLogEntry, at: Date): Promise<void> {
    const operationId = randomUUID();
    const changes =
      entry.changes.length > 0
        ? entry.changes
        : [{ property: null, orgValue: null, newValue: null }];
    for (const change of changes) {
      await tx.query(
        `INSERT INTO user_operation_log (id, operation_id, operation_type, entity_type, category, property, org_value,
           new_value, user_id, timestamp, instance_id, task_id, definition_id, definition_key, deployment_id, job_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
          randomUUID(),
          operationId,
          entry.operationType,
          entry.entityType,
          categoryOf(entry.entityType),
          change.property,
          text(change.orgValue),
          text(change.newValue),
          entry.userId,
          at,
          entry.instanceId ?? null,
          entry.taskId ?? null,
          entry.definitionId ?? null,
          entry.definitionKey ?? null,
          entry.deploymentId ?? null,
          entry.jobId ?? null,
        ],
      );
    }
  }
}

function categoryOf(entityType: string): string {
  return entityType === 'Task'
    ? 'TaskWorker'
    : entityType === 'Deployment'
      ? 'Operator'
      : 'Operator';
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date
    ? value.toISOString()
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);
}
