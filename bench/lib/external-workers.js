// External task workers against Conveyor's Camunda worker API: each loops fetchAndLock → complete
// (the fetched tasks completed concurrently, as camunda-external-task-client-js does).
import { performance } from 'node:perf_hooks';
import { call } from './rest-clients.js';

/**
 * Runs `workers` loops for `warmupMs` (unmeasured) plus `seconds`, or until a fetch finds no task
 * left. A round trip is one fetchAndLock that locked at least one task plus the completes of those
 * tasks. Returns the round trips and requests with their times (ms since the start), the measured
 * window, the task ids locked twice while their lock was still valid, and the failures.
 */
export async function runWorkers(
  baseUrl,
  { workers, maxTasks, topic, lockDuration, warmupMs, seconds, timeoutMs, maxErrors = 20 },
) {
  const began = performance.now();
  const clock = () => performance.now() - began;
  const endAt = warmupMs + seconds * 1000;
  const roundTrips = [];
  const requests = { fetch: [], complete: [] };
  const lockedBy = new Map();
  const duplicates = [];
  const errors = [];
  let dryAt = null;

  const timed = async (step, method, path, body, expect) => {
    const t0 = clock();
    const result = await call(baseUrl, step, method, path, { body, expect, timeoutMs });
    requests[step].push({ end: clock(), ms: clock() - t0 });
    return result;
  };
  const stopping = () => clock() >= endAt || dryAt !== null || errors.length >= maxErrors;

  const worker = async (index) => {
    const workerId = `bench-worker-${index + 1}`;
    while (!stopping()) {
      const start = clock();
      let tasks;
      try {
        tasks = await timed(
          'fetch',
          'POST',
          '/engine-rest/external-task/fetchAndLock',
          { workerId, maxTasks, topics: [{ topicName: topic, lockDuration }] },
          200,
        );
      } catch (error) {
        errors.push(error.message);
        continue;
      }
      if (tasks.length === 0) {
        dryAt ??= clock();
        break;
      }
      for (const task of tasks) {
        const earlier = lockedBy.get(task.id);
        if (earlier && clock() - earlier.at < lockDuration)
          duplicates.push(`${task.id}: locked by ${earlier.workerId}, then by ${workerId}`);
        lockedBy.set(task.id, { workerId, at: start });
      }
      const outcomes = await Promise.allSettled(
        tasks.map((task) =>
          timed(
            'complete',
            'POST',
            `/engine-rest/external-task/${task.id}/complete`,
            { workerId },
            204,
          ),
        ),
      );
      const failed = outcomes.filter((o) => o.status === 'rejected');
      for (const o of failed) errors.push(o.reason.message);
      const end = clock();
      roundTrips.push({ start, end, ms: end - start, tasks: tasks.length - failed.length });
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, i) => worker(i)));

  const windowEnd = Math.min(endAt, dryAt ?? Infinity);
  const inWindow = (r) => r.end >= warmupMs && r.end <= windowEnd;
  const measured = roundTrips.filter(inWindow);
  const windowMs = windowEnd - warmupMs;
  return {
    elapsedMs: clock(),
    windowMs,
    dryAt,
    roundTrips: measured,
    fetches: requests.fetch.filter(inWindow),
    completes: requests.complete.filter(inWindow),
    completedInAll: roundTrips.reduce((sum, r) => sum + r.tasks, 0),
    completedInWindow: measured.reduce((sum, r) => sum + r.tasks, 0),
    roundTripsPerSecond: (measured.length * 1000) / windowMs,
    tasksPerSecond: (measured.reduce((sum, r) => sum + r.tasks, 0) * 1000) / windowMs,
    duplicates,
    errors,
  };
}
