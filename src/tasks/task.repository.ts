import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { taskVisibility } from '../auth/visibility.js';
import type { CallerInfo } from '../common/caller.decorator.js';
import type { Page } from '../common/query/paging.dto.js';
import { operatingScope, personalScope, type TaskAccess } from './task-access.js';
import { taskWhere, type TaskFilter } from './task-filter.js';

export interface TaskRow {
  id: string;
  instance_id: string;
  definition_id: string;
  definition_key: string;
  business_key: string | null;
  activity_id: string;
  execution_id: string;
  name: string | null;
  description: string | null;
  assignee: string | null;
  owner: string | null;
  delegation_state: string | null;
  priority: number;
  due_date: Date | null;
  follow_up_date: Date | null;
  form_key: string | null;
  created: Date;
  suspended: boolean;
  tenant_id: string | null;
}

export interface NewTask extends Omit<TaskRow, 'suspended' | 'owner' | 'delegation_state'> {
  candidateUsers: string[];
  candidateGroups: string[];
}

export interface IdentityLinkRow {
  user_id: string | null;
  group_id: string | null;
  type: string;
}

const SORT: Record<string, string> = {
  instanceId: 't.instance_id',
  dueDate: 't.due_date',
  followUpDate: 't.follow_up_date',
  executionId: 't.execution_id',
  assignee: 't.assignee',
  created: 't.created',
  description: 't.description',
  id: 't.id',
  name: 't.name',
  nameCaseInsensitive: 'lower(t.name)',
  priority: 't.priority',
  processDefinitionKey: 't.definition_key',
};

/** All SQL on task and task_identity_link. */
@Injectable()
export class TaskRepository {
  constructor(private readonly dataSource: DataSource) {}

  byInstance(tx: EntityManager, instanceId: string): Promise<TaskRow[]> {
    return tx.query(`SELECT * FROM task WHERE instance_id = $1`, [instanceId]);
  }

  async findById(id: string, tx?: EntityManager): Promise<TaskRow | null> {
    const rows: TaskRow[] = await (tx ?? this.dataSource).query(
      `SELECT * FROM task WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The task if the caller may see it; null when it is missing or hidden from them alike. */
  async findVisible(id: string, caller: CallerInfo): Promise<TaskRow | null> {
    const { where, params } = taskWhere({ taskId: id, visibleTo: caller });
    const rows: TaskRow[] = await this.dataSource.query(`SELECT t.* FROM task t ${where}`, params);
    return rows[0] ?? null;
  }

  /**
   * The task with what the caller is to it (see TaskAccess), in one statement; with `lock` the row
   * is locked for the transaction, so the check and the change see the same assignee.
   */
  async findWithAccess(
    id: string,
    caller: CallerInfo,
    options: { tx?: EntityManager; lock?: boolean } = {},
  ): Promise<{ task: TaskRow; access: TaskAccess } | null> {
    const params: unknown[] = [id];
    const condition = (scope: CallerInfo) => taskVisibility(scope, 't', params) ?? 'TRUE';
    const visible = condition(caller);
    const inTeam = condition(operatingScope(caller));
    const own = condition(personalScope(caller));
    const rows: (TaskRow & { can_see: boolean; in_team: boolean; is_own: boolean })[] = await (
      options.tx ?? this.dataSource
    ).query(
      `SELECT t.*, ${visible} AS can_see, ${inTeam} AS in_team, ${own} AS is_own
         FROM task t WHERE t.id = $1${options.lock ? ' FOR UPDATE OF t' : ''}`,
      params,
    );
    const [row] = rows;
    if (!row) return null;
    const { can_see, in_team, is_own, ...task } = row;
    return { task, access: { visible: can_see, inTeam: in_team, own: is_own } };
  }

  async insert(tx: EntityManager, task: NewTask): Promise<void> {
    await tx.query(
      `INSERT INTO task (id, instance_id, definition_id, definition_key, business_key, activity_id, execution_id,
         name, description, assignee, priority, due_date, follow_up_date, form_key, created, tenant_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        task.id,
        task.instance_id,
        task.definition_id,
        task.definition_key,
        task.business_key,
        task.activity_id,
        task.execution_id,
        task.name,
        task.description,
        task.assignee,
        task.priority,
        task.due_date,
        task.follow_up_date,
        task.form_key,
        task.created,
        task.tenant_id,
      ],
    );
    // Links carry the task's due date: a group's tasklist is read in that order (see list()).
    for (const user of new Set(task.candidateUsers)) {
      await tx.query(
        `INSERT INTO task_identity_link (task_id, type, user_id, task_due_date) VALUES ($1, 'candidate', $2, $3)`,
        [task.id, user, task.due_date],
      );
    }
    for (const group of new Set(task.candidateGroups)) {
      await tx.query(
        `INSERT INTO task_identity_link (task_id, type, group_id, task_due_date) VALUES ($1, 'candidate', $2, $3)`,
        [task.id, group, task.due_date],
      );
    }
  }

  async delete(tx: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await tx.query(`DELETE FROM task WHERE id = ANY($1)`, [ids]);
  }

  /** Sets a field of the task; returns the row before the change, or null when the task is gone. */
  async update(
    tx: EntityManager,
    id: string,
    changes: Partial<
      Pick<
        TaskRow,
        | 'assignee'
        | 'owner'
        | 'delegation_state'
        | 'name'
        | 'description'
        | 'priority'
        | 'due_date'
        | 'follow_up_date'
      >
    >,
  ): Promise<void> {
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    const sets = entries.map(([column], i) => `${column} = $${i + 2}`).join(', ');
    await tx.query(`UPDATE task SET ${sets} WHERE id = $1`, [
      id,
      ...entries.map(([, value]) => value),
    ]);
    if ('due_date' in changes) {
      await tx.query(`UPDATE task_identity_link SET task_due_date = $2 WHERE task_id = $1`, [
        id,
        changes.due_date,
      ]);
    }
  }

  identityLinks(taskId: string): Promise<IdentityLinkRow[]> {
    return this.dataSource.query(
      `SELECT user_id, group_id, type FROM task_identity_link WHERE task_id = $1 ORDER BY group_id NULLS FIRST, user_id`,
      [taskId],
    );
  }

  /** The candidate groups of each of the tasks (a page of a list), by task id. */
  async candidateGroupsOf(taskIds: string[]): Promise<Map<string, string[]>> {
    const groups = new Map<string, string[]>();
    if (taskIds.length === 0) return groups;
    const rows: { task_id: string; group_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT task_id, group_id FROM task_identity_link
       WHERE task_id = ANY($1) AND type = 'candidate' AND group_id IS NOT NULL
       ORDER BY task_id, group_id`,
      [taskIds],
    );
    for (const row of rows)
      groups.set(row.task_id, [...(groups.get(row.task_id) ?? []), row.group_id]);
    return groups;
  }

  /**
   * A page of tasks. A candidate group's list by due date (the tasklist's view) is read from the
   * group's links in due-date order (index task_identity_link_group_due_idx), so the first page
   * stops after a few dozen rows: a task has at most one link per group, so the join adds no row.
   */
  list(
    filter: TaskFilter,
    sort: { by: string; order: 'ASC' | 'DESC' }[],
    page: Page,
  ): Promise<TaskRow[]> {
    const byGroupDue =
      filter.candidateGroup !== undefined && sort[0]?.by === 'dueDate' && sort[0].order === 'ASC';
    const { where, params } = taskWhere(filter, byGroupDue ? { groupLink: 'cg' } : {});
    const keys = sort.map((s) => `${SORT[s.by] ?? 't.created'} ${s.order} NULLS LAST`);
    if (byGroupDue) keys[0] = 'cg.task_due_date ASC NULLS LAST';
    const order = [...keys, byGroupDue ? 'cg.task_id' : 't.id'].join(', ');
    const from = byGroupDue ? 'task_identity_link cg JOIN task t ON t.id = cg.task_id' : 'task t';
    return this.dataSource.query(
      `SELECT t.* FROM ${from} ${where} ORDER BY ${order} OFFSET ${page.offset} LIMIT ${page.limit}`,
      params,
    );
  }

  async count(filter: TaskFilter): Promise<number> {
    const { where, params } = taskWhere(filter);
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM task t ${where}`,
      params,
    );
    return row.count;
  }
}
