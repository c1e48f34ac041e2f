import { seesEverything, type CallerInfo } from '../common/caller.decorator.js';

/**
 * The one place that says which tasks and process instances a caller may see, as SQL conditions
 * added to a query's WHERE. Parameters are appended to `params`. A null condition means the caller
 * sees everything (admins, analysts). Everything else is narrowed to the caller's team (the caller
 * alone, or a manager and everyone below them) and the team's groups:
 * - a task: assigned to, owned (delegated) by, or a candidate of someone in the team, or a
 *   candidate of one of the team's groups;
 * - an instance: it has such a task, a team member worked on one of its tasks, or started it.
 */
export function taskVisibility(
  caller: CallerInfo,
  taskAlias: string,
  params: unknown[],
): string | null {
  if (seesEverything(caller)) return null;
  params.push([...caller.teamUserIds], [...caller.teamGroupIds]);
  return visibleTask(taskAlias, params.length - 1, params.length);
}

/** `instanceId` is an SQL expression naming the instance, e.g. `i.id` or `j.instance_id`. */
export function instanceVisibility(
  caller: CallerInfo,
  instanceId: string,
  params: unknown[],
): string | null {
  if (seesEverything(caller)) return null;
  params.push([...caller.teamUserIds], [...caller.teamGroupIds]);
  const users = params.length - 1;
  const groups = params.length;
  return `(EXISTS (SELECT 1 FROM task vt WHERE vt.instance_id = ${instanceId} AND ${visibleTask('vt', users, groups)})
    OR EXISTS (SELECT 1 FROM history_task vht WHERE vht.instance_id = ${instanceId} AND vht.assignee = ANY($${users}))
    OR EXISTS (SELECT 1 FROM history_process_instance vhp WHERE vhp.id = ${instanceId} AND vhp.start_user_id = ANY($${users})))`;
}

// Two EXISTS rather than one with an OR inside: each is answered from its own (user_id, task_id)
// or (group_id, task_id) index alone, where the OR needed a bitmap scan of the link table.
function visibleTask(alias: string, users: number, groups: number): string {
  return `(${alias}.assignee = ANY($${users}) OR ${alias}.owner = ANY($${users})
    OR EXISTS (SELECT 1 FROM task_identity_link vl WHERE vl.task_id = ${alias}.id AND vl.user_id = ANY($${users}))
    OR EXISTS (SELECT 1 FROM task_identity_link vl WHERE vl.task_id = ${alias}.id AND vl.group_id = ANY($${groups})))`;
}
