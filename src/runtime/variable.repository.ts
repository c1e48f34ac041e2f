import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { StoredVariable, VariableType } from '../common/variables/index.js';

interface VariableRow {
  name: string;
  type: VariableType;
  value: unknown;
  value_info: Record<string, unknown> | null;
  task_id: string | null;
  instance_id: string;
}

/** All SQL on variable: the typed, queryable copy of an instance's variables (and task-local ones). */
@Injectable()
export class VariableRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Process-scope variables of an instance. */
  async load(
    tx: EntityManager | DataSource,
    instanceId: string,
  ): Promise<Map<string, StoredVariable>> {
    const rows: VariableRow[] = await tx.query(
      `SELECT name, type, value, value_info FROM variable WHERE instance_id = $1 AND task_id IS NULL`,
      [instanceId],
    );
    return new Map(rows.map((row) => [row.name, toStored(row)]));
  }

  loadOutside(instanceId: string): Promise<Map<string, StoredVariable>> {
    return this.load(this.dataSource, instanceId);
  }

  async loadLocal(taskId: string): Promise<Map<string, StoredVariable>> {
    const rows: VariableRow[] = await this.dataSource.query(
      `SELECT name, type, value, value_info FROM variable WHERE task_id = $1`,
      [taskId],
    );
    return new Map(rows.map((row) => [row.name, toStored(row)]));
  }

  async upsert(
    tx: EntityManager,
    instanceId: string,
    taskId: string | null,
    variables: Map<string, StoredVariable>,
  ): Promise<void> {
    for (const [name, variable] of variables) {
      const { text, number } = indexValues(variable);
      await tx.query(
        `INSERT INTO variable (id, instance_id, task_id, name, type, value, value_info, text_value, number_value)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (instance_id, coalesce(task_id, ''), name) DO UPDATE SET
           type = EXCLUDED.type, value = EXCLUDED.value, value_info = EXCLUDED.value_info,
           text_value = EXCLUDED.text_value, number_value = EXCLUDED.number_value, revision = variable.revision + 1`,
        [
          randomUUID(),
          instanceId,
          taskId,
          name,
          variable.type,
          JSON.stringify(variable.value ?? null),
          variable.valueInfo ? JSON.stringify(variable.valueInfo) : null,
          text,
          number,
        ],
      );
    }
  }

  /** Drops the local variables of tasks (user or external) that are gone. */
  async deleteLocals(tx: EntityManager, taskIds: string[]): Promise<void> {
    if (taskIds.length > 0)
      await tx.query(`DELETE FROM variable WHERE task_id = ANY($1)`, [taskIds]);
  }

  async delete(
    tx: EntityManager,
    instanceId: string,
    taskId: string | null,
    names: string[],
  ): Promise<void> {
    if (names.length === 0) return;
    await tx.query(
      `DELETE FROM variable WHERE instance_id = $1 AND task_id IS NOT DISTINCT FROM $2 AND name = ANY($3)`,
      [instanceId, taskId, names],
    );
  }
}

function toStored(row: VariableRow): StoredVariable {
  return row.value_info
    ? { type: row.type, value: row.value, valueInfo: row.value_info }
    : { type: row.type, value: row.value };
}

/** The scalar copies the variable filters search by index. */
function indexValues(variable: StoredVariable): { text: string | null; number: number | null } {
  const { value } = variable;
  if (typeof value === 'number') return { text: null, number: value };
  if (typeof value === 'string') return { text: value.slice(0, 4000), number: null };
  return { text: null, number: null };
}
