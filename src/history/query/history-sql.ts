/**
 * SQL fragments shared by the history reads. History rows keep only their own instance id; the
 * root of a call-activity chain is found by walking super_instance_id up to the top.
 */
export function rootInstanceIdSql(instanceIdSql: string): string {
  return `coalesce((WITH RECURSIVE chain(id, super_id, depth) AS (
      SELECT r.id, r.super_instance_id, 0 FROM history_process_instance r WHERE r.id = ${instanceIdSql}
      UNION ALL
      SELECT s.id, s.super_instance_id, c.depth + 1 FROM history_process_instance s
        JOIN chain c ON s.id = c.super_id WHERE c.depth < 100)
    SELECT id FROM chain WHERE super_id IS NULL LIMIT 1), ${instanceIdSql})`;
}

/** The activity instance a (history) task ran in: the user task's row in history_activity_instance. */
export function taskActivityInstanceIdSql(taskIdSql: string): string {
  return `(SELECT ai.id FROM history_activity_instance ai WHERE ai.task_id = ${taskIdSql} ORDER BY ai.seq DESC LIMIT 1)`;
}
