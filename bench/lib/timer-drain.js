// SQL side of the timer benchmark: makes every timer due, watches the job table drain, then checks
// in the history that each timer fired exactly once.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** Every timer job due one second ago; returns how many rows changed and when (performance.now()). */
export async function makeTimersDue(client) {
  const result = await client.query(
    `UPDATE job SET due_date = now() - interval '1 second' WHERE type = 'timer'`,
  );
  return { updated: result.rowCount, at: performance.now() };
}

async function timerJobs(client) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS remaining,
            count(*) FILTER (WHERE exception_message IS NOT NULL)::int AS failing,
            count(*) FILTER (WHERE lock_owner IS NOT NULL)::int AS locked
       FROM job WHERE type = 'timer'`,
  );
  return rows[0];
}

/**
 * Polls the timer jobs every `pollMs` from `since` (performance.now()) until none remains, the
 * deadline passes, nothing moved for `stallMs`, or `broken()` returns a reason (a node died).
 * Returns the samples `{ ms, remaining, failing, locked }` (ms since `since`), the end and why.
 */
export async function watchDrain(client, { since, pollMs = 200, deadline, stallMs, broken }) {
  const samples = [];
  let lastChange = performance.now();
  let previous = null;
  for (;;) {
    const row = await timerJobs(client);
    const now = performance.now();
    samples.push({ ms: now - since, ...row });
    if (row.remaining !== previous) lastChange = now;
    previous = row.remaining;
    if (row.remaining === 0) return { samples, finishedMs: now - since, reason: 'drained' };
    const problem = broken?.();
    if (problem) return { samples, finishedMs: null, reason: problem };
    if (now >= deadline) return { samples, finishedMs: null, reason: 'time limit' };
    if (now - lastChange >= stallMs)
      return { samples, finishedMs: null, reason: `no progress for ${stallMs / 1000} s` };
    await sleep(pollMs);
  }
}

/**
 * Throughput figures of a drain: overall (all timers ÷ time to empty), steady (from 10 % to 90 %
 * fired, leaving out the start and the tail), and when the first timer was seen fired.
 */
export function drainRates(samples, total) {
  const firedBy = (share) => samples.find((s) => total - s.remaining >= share * total);
  const first = samples.find((s) => s.remaining < total);
  const last = samples[samples.length - 1];
  const fired = total - (last?.remaining ?? total);
  const from = firedBy(0.1);
  const to = firedBy(0.9);
  return {
    fired,
    overall: last ? (fired * 1000) / last.ms : NaN,
    steady:
      from && to && to.ms > from.ms
        ? ((from.remaining - to.remaining) * 1000) / (to.ms - from.ms)
        : NaN,
    firstFireMs: first?.ms ?? NaN,
  };
}

async function one(client, sql, params) {
  return (await client.query(sql, params)).rows[0];
}

/**
 * Checks the history once the nodes stopped: `total` instances each with one row for the timer
 * activity, of which `fired` ended; the end event reached once per fired instance; every fired
 * instance completed, the others still waiting with their job; no incident. Returns the figures
 * and a list of problems (empty when everything holds).
 */
export async function verifyFiring(client, { timerActivity, endActivity, total, fired }) {
  const activity = (id) =>
    one(
      client,
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE end_time IS NOT NULL)::int AS ended,
              count(DISTINCT instance_id)::int AS instances,
              count(*) FILTER (WHERE canceled)::int AS canceled
         FROM history_activity_instance WHERE activity_id = $1`,
      [id],
    );
  const duplicates = async (id) =>
    (
      await client.query(
        `SELECT instance_id, count(*)::int AS n FROM history_activity_instance
          WHERE activity_id = $1 GROUP BY instance_id HAVING count(*) > 1 ORDER BY n DESC, instance_id`,
        [id],
      )
    ).rows;
  const timer = await activity(timerActivity);
  const timerDuplicates = await duplicates(timerActivity);
  const end = await activity(endActivity);
  const endDuplicates = await duplicates(endActivity);
  const { rows: states } = await client.query(
    `SELECT state, count(*)::int AS n FROM history_process_instance GROUP BY state ORDER BY state`,
  );
  const { running } = await one(client, `SELECT count(*)::int AS running FROM process_instance`);
  const { incidents } = await one(client, `SELECT count(*)::int AS incidents FROM incident`);
  const { jobs } = await one(client, `SELECT count(*)::int AS jobs FROM job`);
  const completed = states.find((s) => s.state === 'COMPLETED')?.n ?? 0;

  const problems = [];
  const expect = (what, actual, expected) => {
    if (actual !== expected) problems.push(`${what}: ${actual}, expected ${expected}`);
  };
  expect(`${timerActivity} rows with end_time`, timer.ended, fired);
  expect(`${timerActivity} rows in all`, timer.total, total);
  expect(`instances with a ${timerActivity} row`, timer.instances, total);
  expect(`${timerActivity} rows canceled`, timer.canceled, 0);
  if (timerDuplicates.length > 0)
    problems.push(
      `${timerDuplicates.length} instances with more than one ${timerActivity} row, e.g. ` +
        timerDuplicates
          .slice(0, 5)
          .map((d) => `${d.instance_id} ×${d.n}`)
          .join(', '),
    );
  expect(`${endActivity} rows`, end.total, fired);
  expect(`instances with more than one ${endActivity} row`, endDuplicates.length, 0);
  expect('COMPLETED instances in history', completed, fired);
  expect('process_instance rows left', running, total - fired);
  expect('jobs left', jobs, total - fired);
  expect('incidents', incidents, 0);
  return {
    timer,
    end,
    timerDuplicates: timerDuplicates.length,
    completed,
    running,
    incidents,
    jobs,
    problems,
  };
}

/** Timer jobs left (after the nodes stopped). */
export async function timersLeft(client) {
  return (await timerJobs(client)).remaining;
}
