// Bulk-loads a large tasklist straight into Conveyor's schema with generate_series: users in teams
// under managers, work groups, one open user task per process instance with candidate-group links,
// assignees and due dates, and two business variables per instance. Values are pseudo-random but
// deterministic (hashes of the row number), so every run loads the same data.

/** Team size: user `u{t*50}` manages users `u{t*50+1}` … `u{t*50+49}` of team t. */
export const TEAM_SIZE = 50;

export const userId = (n) => `u${String(n).padStart(5, '0')}`;
export const groupId = (n) => `g${String(n + 1).padStart(3, '0')}`;
/** Team t's work groups: every member is in the first, even-numbered members in the second too. */
export const teamGroups = (team, groups) => [
  groupId(team % groups),
  groupId((team * 7 + 3) % groups),
];
/** The business value a bench request filters on (instance n). */
export const clientPhone = (n) => `+49 151 ${String(n).padStart(8, '0')}`;

// h(salt, i): a deterministic pseudo-random non-negative integer per row.
const h = (salt) => `abs(hashtext('${salt}' || i))`;
const uuid = (prefix) => `md5('${prefix}' || i)::uuid::text`;
const pad = (expr, width) => `lpad((${expr})::text, ${width}, '0')`;

/**
 * The statements, in order, with placeholders `$1` tasks (= instances), `$2` users, `$3` groups,
 * `$4` definition id, `$5` definition key, `$6` the password hash every loaded user gets (so any
 * of them can log in), `$7` the hour the load began (due and creation dates spread around it),
 * which loadTasklist replaces by literals.
 */
export function loadStatements({ withLinkDueDate }) {
  // A task's group is a team's group; its assignee (30 %) is a member of a team in that group.
  const grp = `(${h('grp')} % $3::int)`;
  const team = `(${grp} + $3::int * (${h('team')} % (($2::int / ${TEAM_SIZE}) / $3::int)))`;
  const assignee = `CASE WHEN ${h('asg')} % 100 < 30
      THEN 'u' || ${pad(`${team} * ${TEAM_SIZE} + 1 + ${h('mem')} % ${TEAM_SIZE - 1}`, 5)} END`;
  const due = `CASE WHEN ${h('due')} % 20 <> 0
      THEN $7::timestamptz + (${h('due')} % 172800 - 86400) * interval '1 minute' END`;
  // Since migration TasklistOrder1763800600000 a link carries its task's due date.
  const linkDue = withLinkDueDate ? [', task_due_date', `, ${due}`] : ['', ''];
  return [
    [
      'groups',
      `INSERT INTO identity_group (id, name, type)
         SELECT 'g' || ${pad('i', 3)}, 'Team group ' || i, 'WORKFLOW' FROM generate_series(1, $3::int) i
       UNION ALL SELECT 'conveyor-managers', 'Managers', 'SYSTEM'
       ON CONFLICT (id) DO NOTHING`,
    ],
    [
      'managers',
      `INSERT INTO identity_user (id, first_name, last_name, email, password_hash)
         SELECT 'u' || ${pad('i', 5)}, 'Manager', 'No ' || i, 'u' || i || '@bench.test', $6
           FROM generate_series(0, $2::int - 1, ${TEAM_SIZE}) i`,
    ],
    [
      'employees',
      `INSERT INTO identity_user (id, first_name, last_name, email, password_hash, manager_id)
         SELECT 'u' || ${pad('i', 5)}, 'Employee', 'No ' || i, 'u' || i || '@bench.test', $6,
                'u' || ${pad(`i - i % ${TEAM_SIZE}`, 5)}
           FROM generate_series(0, $2::int - 1) i WHERE i % ${TEAM_SIZE} <> 0`,
    ],
    [
      'memberships',
      `INSERT INTO identity_membership (user_id, group_id)
         SELECT 'u' || ${pad('i', 5)}, 'g' || ${pad(`(i / ${TEAM_SIZE}) % $3::int + 1`, 3)}
           FROM generate_series(0, $2::int - 1) i
         UNION SELECT 'u' || ${pad('i', 5)}, 'g' || ${pad(`((i / ${TEAM_SIZE}) * 7 + 3) % $3::int + 1`, 3)}
           FROM generate_series(0, $2::int - 1) i WHERE i % 2 = 0
         UNION SELECT 'u' || ${pad('i', 5)}, 'conveyor-managers'
           FROM generate_series(0, $2::int - 1, ${TEAM_SIZE}) i
       ON CONFLICT DO NOTHING`,
    ],
    [
      'process instances',
      `INSERT INTO process_instance (id, definition_id, definition_key, business_key, state, start_time)
         SELECT ${uuid('pi')}, $4, $5, 'order-' || i, 'ACTIVE',
                $7::timestamptz - (${h('created')} % 43200) * interval '1 minute'
           FROM generate_series(1, $1::int) i`,
    ],
    [
      'tasks',
      `INSERT INTO task (id, instance_id, definition_id, definition_key, business_key, activity_id,
                         execution_id, name, assignee, priority, due_date, created)
         SELECT ${uuid('task')}, ${uuid('pi')}, $4, $5, 'order-' || i, 'review',
                'review_' || md5('ex' || i), 'Review the order', ${assignee}, 50, ${due},
                $7::timestamptz - (${h('created')} % 43200) * interval '1 minute'
           FROM generate_series(1, $1::int) i`,
    ],
    [
      'candidate links',
      `INSERT INTO task_identity_link (task_id, type, group_id${linkDue[0]})
         SELECT ${uuid('task')}, 'candidate', 'g' || ${pad(`${grp} + 1`, 3)}${linkDue[1]}
           FROM generate_series(1, $1::int) i
         UNION ALL
         SELECT ${uuid('task')}, 'candidate', 'g' || ${pad(`(${grp} + 37) % $3::int + 1`, 3)}${linkDue[1]}
           FROM generate_series(1, $1::int) i WHERE ${h('second')} % 5 = 0
`,
    ],
    [
      'candidate users',
      `INSERT INTO task_identity_link (task_id, type, user_id${linkDue[0]})
         SELECT ${uuid('task')}, 'candidate', 'u' || ${pad(`${h('cu')} % $2::int`, 5)}${linkDue[1]}
           FROM generate_series(1, $1::int) i WHERE ${h('cu')} % 20 = 0`,
    ],
    [
      'variables',
      `INSERT INTO variable (id, instance_id, name, type, value, text_value, number_value)
         SELECT ${uuid('vphone')}, ${uuid('pi')}, 'clientPhone', 'String',
                to_jsonb('+49 151 ' || ${pad('i', 8)}), '+49 151 ' || ${pad('i', 8)}, NULL
           FROM generate_series(1, $1::int) i
         UNION ALL
         SELECT ${uuid('vdeal')}, ${uuid('pi')}, 'dealAmount', 'Double',
                to_jsonb((${h('deal')} % 10000000) / 100.0), NULL, (${h('deal')} % 10000000) / 100.0
           FROM generate_series(1, $1::int) i`,
    ],
  ];
}

/** Runs every statement (logging rows and seconds), then VACUUM ANALYZE as autovacuum would. */
export async function loadTasklist(
  client,
  { tasks, users, groups, definition, passwordHash },
  log,
) {
  const values = {
    $1: String(tasks),
    $2: String(users),
    $3: String(groups),
    $4: client.escapeLiteral(definition.id),
    $5: client.escapeLiteral(definition.key),
    $6: client.escapeLiteral(passwordHash),
    // One "now" for every statement, so the due dates of tasks and links agree.
    $7: client.escapeLiteral(
      new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString(),
    ),
  };
  const { rows } = await client.query(
    `SELECT 1 FROM information_schema.columns
      WHERE table_name = 'task_identity_link' AND column_name = 'task_due_date'`,
  );
  for (const [label, sql] of loadStatements({ withLinkDueDate: rows.length > 0 })) {
    const t0 = Date.now();
    // Literals, not bind parameters: a statement that leaves one out could not type it.
    const result = await client.query(sql.replace(/\$[1-7]/g, (name) => values[name]));
    log(`  ${label}: ${result.rowCount} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (rows.length > 0) {
    const drift = await client.query(
      `SELECT count(*)::int AS n FROM task_identity_link l JOIN task t ON t.id = l.task_id
        WHERE l.task_due_date IS DISTINCT FROM t.due_date`,
    );
    if (drift.rows[0].n > 0) throw new Error(`${drift.rows[0].n} links with a wrong due date`);
  }
  const t0 = Date.now();
  await client.query('VACUUM (ANALYZE)');
  log(`  vacuum analyze: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
