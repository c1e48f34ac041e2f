// The plans of the SQL the service really runs, from PostgreSQL's auto_explain: switched on for
// one database (new connections only, so the service is started after), read back from the log.
import { readFileSync, statSync } from 'node:fs';

const SETTINGS = {
  session_preload_libraries: 'auto_explain',
  'auto_explain.log_min_duration': '0',
  'auto_explain.log_analyze': 'on',
  'auto_explain.log_buffers': 'on',
  'auto_explain.log_timing': 'on',
  'auto_explain.log_nested_statements': 'off',
};

/** Every new connection to `db` logs EXPLAIN (ANALYZE, BUFFERS) of each statement it runs. */
export async function enableAutoExplain(pg, db) {
  for (const [name, value] of Object.entries(SETTINGS)) {
    await pg.query('postgres', `ALTER DATABASE "${db}" SET ${name} = '${value}'`);
  }
}

export async function disableAutoExplain(pg, db) {
  await pg.query('postgres', `ALTER DATABASE "${db}" RESET ALL`);
}

/** The current end of the server log: plans logged later are read with plansSince. */
export function logOffset(logFile) {
  return statSync(logFile).size;
}

/**
 * The plans logged since `offset` whose query text matches `pattern`, each as text:
 * `duration: … ms  plan:` then the query and its plan.
 */
export function plansSince(logFile, offset, pattern) {
  const text = readFileSync(logFile).subarray(offset).toString('utf8');
  const entries = [];
  for (const line of text.split('\n')) {
    // A log line starts with the timestamp of log_line_prefix ('%m [%p] '); a plan continues it.
    if (/^\d{4}-\d\d-\d\d /.test(line)) entries.push([line]);
    else entries.at(-1)?.push(line);
  }
  return entries
    .map((lines) => lines.join('\n'))
    .filter((entry) => entry.includes('plan:') && pattern.test(entry))
    .map((entry) => entry.slice(entry.indexOf('duration:')).replace(/^\t/gm, ''));
}
