// Clones one real waiting instance (made through the API) into N more with SQL generate_series:
// every runtime and history row of the template is copied with new ids, and its engine state with
// the template's instance id replaced. Execution ids are per instance in bpmn-engine, so the
// copies keep them; each copy is a complete instance that the service can resume, complete or fire.

// The copy number i of the row whose old id is `oldId` (an SQL expression): the same old id gives
// the same new id in every table, so references between the copied rows hold.
const newId = (oldId) => `md5(${oldId} || '-' || i || '-' || $2::text)::uuid::text`;

/** The statements, each with `$1` the template instance id, `$2` a run tag, `$3` the count. */
const STATEMENTS = [
  [
    'process instances',
    `INSERT INTO process_instance (id, definition_id, definition_key, business_key, state, engine_state,
                                   super_instance_id, super_execution_id, start_user_id, start_time, revision, tenant_id)
       SELECT ${newId("'pi'")}, p.definition_id, p.definition_key, 'clone-' || i, p.state,
              replace(p.engine_state::text, p.id, ${newId("'pi'")})::jsonb,
              p.super_instance_id, p.super_execution_id, p.start_user_id, p.start_time, p.revision, p.tenant_id
         FROM process_instance p, generate_series(1, $3::int) i WHERE p.id = $1`,
  ],
  [
    'tasks',
    `INSERT INTO task (id, instance_id, definition_id, definition_key, business_key, activity_id, execution_id,
                       name, description, assignee, owner, delegation_state, priority, due_date,
                       follow_up_date, form_key, created, suspended, tenant_id)
       SELECT ${newId('t.id')}, ${newId("'pi'")}, t.definition_id, t.definition_key,
              'clone-' || i, t.activity_id, t.execution_id, t.name, t.description, t.assignee, t.owner,
              t.delegation_state, t.priority, t.due_date, t.follow_up_date, t.form_key, t.created,
              t.suspended, t.tenant_id
         FROM task t, generate_series(1, $3::int) i WHERE t.instance_id = $1`,
  ],
  [
    'task links',
    `INSERT INTO task_identity_link (task_id, type, user_id, group_id, task_due_date)
       SELECT ${newId('l.task_id')}, l.type, l.user_id, l.group_id, l.task_due_date
         FROM task_identity_link l JOIN task t ON t.id = l.task_id, generate_series(1, $3::int) i
        WHERE t.instance_id = $1`,
  ],
  [
    'jobs',
    `INSERT INTO job (id, type, instance_id, definition_id, definition_key, activity_id, execution_id, due_date,
                      repeat, handler, retries, priority, suspended, created)
       SELECT ${newId('j.id')}, j.type, ${newId("'pi'")}, j.definition_id, j.definition_key,
              j.activity_id, j.execution_id, j.due_date + (i % 86400) * interval '1 second', j.repeat,
              j.handler, j.retries, j.priority, j.suspended, j.created
         FROM job j, generate_series(1, $3::int) i WHERE j.instance_id = $1`,
  ],
  [
    'variables',
    `INSERT INTO variable (id, instance_id, task_id, name, type, value, value_info, text_value, number_value, revision)
       SELECT ${newId('v.id')}, ${newId("'pi'")},
              CASE WHEN v.task_id IS NOT NULL THEN ${newId('v.task_id')} END,
              v.name, v.type, v.value, v.value_info, v.text_value, v.number_value, v.revision
         FROM variable v, generate_series(1, $3::int) i WHERE v.instance_id = $1`,
  ],
  [
    'event subscriptions',
    `INSERT INTO event_subscription (id, type, event_name, instance_id, definition_id, activity_id, execution_id,
                                     created, local_variables)
       SELECT ${newId('s.id')}, s.type, s.event_name, ${newId("'pi'")}, s.definition_id,
              s.activity_id, s.execution_id, s.created, s.local_variables
         FROM event_subscription s, generate_series(1, $3::int) i WHERE s.instance_id = $1`,
  ],
  [
    'history: instances',
    `INSERT INTO history_process_instance (id, business_key, definition_id, definition_key, definition_name,
                                           definition_version, start_time, end_time, duration_ms, state,
                                           start_user_id, start_activity_id, end_activity_id,
                                           super_instance_id, delete_reason, tenant_id)
       SELECT ${newId("'pi'")}, 'clone-' || i, h.definition_id, h.definition_key, h.definition_name,
              h.definition_version, h.start_time, h.end_time, h.duration_ms, h.state, h.start_user_id,
              h.start_activity_id, h.end_activity_id, h.super_instance_id, h.delete_reason, h.tenant_id
         FROM history_process_instance h, generate_series(1, $3::int) i WHERE h.id = $1`,
  ],
  [
    'history: activities',
    `INSERT INTO history_activity_instance (id, instance_id, definition_id, definition_key, activity_id,
                                            activity_name, activity_type, execution_id, task_id, assignee,
                                            called_instance_id, start_time, end_time, duration_ms, canceled)
       SELECT ${newId('a.id')}, ${newId("'pi'")}, a.definition_id, a.definition_key,
              a.activity_id, a.activity_name, a.activity_type, a.execution_id,
              CASE WHEN a.task_id IS NOT NULL THEN ${newId('a.task_id')} END,
              a.assignee, a.called_instance_id, a.start_time, a.end_time, a.duration_ms, a.canceled
         FROM history_activity_instance a, generate_series(1, $3::int) i WHERE a.instance_id = $1
        ORDER BY i, a.seq`,
  ],
  [
    'history: tasks',
    `INSERT INTO history_task (id, instance_id, definition_id, definition_key, activity_id, execution_id, name,
                               description, assignee, owner, priority, due_date, follow_up_date, start_time,
                               end_time, duration_ms, delete_reason)
       SELECT ${newId('h.id')}, ${newId("'pi'")}, h.definition_id, h.definition_key,
              h.activity_id, h.execution_id, h.name, h.description, h.assignee, h.owner, h.priority,
              h.due_date, h.follow_up_date, h.start_time, h.end_time, h.duration_ms, h.delete_reason
         FROM history_task h, generate_series(1, $3::int) i WHERE h.instance_id = $1`,
  ],
  [
    'history: variables',
    `INSERT INTO history_variable (id, instance_id, definition_key, task_id, name, type, value, value_info,
                                   state, created, updated)
       SELECT ${newId('h.id')}, ${newId("'pi'")}, h.definition_key,
              CASE WHEN h.task_id IS NOT NULL THEN ${newId('h.task_id')} END,
              h.name, h.type, h.value, h.value_info, h.state, h.created, h.updated
         FROM history_variable h, generate_series(1, $3::int) i WHERE h.instance_id = $1`,
  ],
];

/** Copies `template` (an instance id) `count` times; `tag` keeps the ids of two runs apart. */
export async function cloneInstance(client, { template, count, tag }, log) {
  for (const [label, sql] of STATEMENTS) {
    const t0 = Date.now();
    const result = await client.query(sql, [template, tag, count]);
    log(`  ${label}: ${result.rowCount} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const t0 = Date.now();
  await client.query('VACUUM (ANALYZE)');
  log(`  vacuum analyze: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
