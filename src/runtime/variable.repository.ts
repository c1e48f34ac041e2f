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

  /**
   * For a batch of tasks in one query: the process-scope variables of each instance and the local
   * ones of each task, keyed by instance id and by task id.
   */
  async loadScopes(
    instanceIds: string[],
    taskIds: string[],
  ): Promise<{
    processes: Map<string, Map<string, StoredVariable>>;
    tasks: Map<string, Map<string, StoredVariable>>;
  }> {
    const rows: VariableRow[] = await this.dataSource.query(
      `SELECT instance_id, task_id, name, type, value, value_info FROM variable
        WHERE (instance_id = ANY($1) AND task_id IS NULL) OR task_id = ANY($2)`,
      [instanceIds, taskIds],
    );
    const processes = new Map<string, Map<string, StoredVariable>>();
    const tasks = new Map<string, Map<string, StoredVariable>>();
    for (const row of rows) {
      const [scopes, key] = row.task_id ? [tasks, row.task_id] : [processes, row.instance_id];
      const scope = scopes.get(key) ?? new Map<string, StoredVariable>();
      scopes.set(key, scope.set(row.name, toStored(row)));
    }
    return { processes, tasks };
  }

  async upsert(
    tx: EntityManager,
    instanceId: string,
    taskId: string | null,
    variables: Map<string, StoredVariable>,
  ): Promise<void> {
    if (variables.size === 0) return;
    // One statement for all of them: a form often sets a dozen variables at once.
    const rows = [...variables].map(([name, variable]) => ({
      name,
      variable,
      ...indexValues(variable),
    }));
    await tx.query(
      `INSERT INTO variable (id, instance_id, task_id, name, type, value, value_info, text_value, number_value)
       SELECT v.id, $1::varchar, $2::varchar, v.name, v.type, v.value::jsonb, v.value_info::jsonb,
              v.text_value, v.number_value
         FROM unnest($3::varchar[], $4::varchar[], $5::varchar[], $6::text[], $7::text[], $8::varchar[],
                     $9::float8[]) AS v(id, name, type, value, value_info, text_value, number_value)
       ON CONFLICT (instance_id, coalesce(task_id, ''), name) DO UPDATE SET
         type = EXCLUDED.type, value = EXCLUDED.value, value_info = EXCLUDED.value_info,
         text_value = EXCLUDED.text_value, number_value = EXCLUDED.number_value, revision = variable.revision + 1`,
      [
        instanceId,
        taskId,
        rows.map(() => randomUUID()),
        rows.map((row) => row.name),
        rows.map((row) => row.variable.type),
        rows.map((row) => JSON.stringify(row.variable.value ?? null)),
        rows.map((row) => (row.variable.valueInfo ? JSON.stringify(row.variable.valueInfo) : null)),
        rows.map((row) => row.text),
        rows.map((row) => row.number),
      ],
    );
  }

  /** Deletes the local variables of an instance's tasks (through variable_scope_name_idx). */
  async deleteLocals(tx: EntityManager, instanceId: string, taskIds: string[]): Promise<void> {
    if (taskIds.length > 0)
      await tx.query(
        `DELETE FROM variable WHERE instance_id = $1 AND coalesce(task_id, '') = ANY($2)`,
        [instanceId, taskIds],
      );
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
