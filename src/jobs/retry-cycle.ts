import { nextDueDate } from '../engine/timers/next-due-date.js';
import { parseTimerDefinition } from '../engine/timers/timer-definition.js';

/** Camunda's default: a failing job is tried 3 times. */
export const DEFAULT_RETRIES = 3;
/** Waits between attempts without a camunda:failedJobRetryTimeCycle: 10 s, 1 min, 5 min. */
const DEFAULT_BACKOFF_MS = [10_000, 60_000, 300_000];

/** The retries a job starts with: the cycle's repetitions (`R5/PT10M` → 5), else the default. */
export function retriesOf(cycle: string | null | undefined): number {
  if (!cycle) return DEFAULT_RETRIES;
  try {
    const spec = parseTimerDefinition('timeCycle', cycle);
    return spec.type === 'repeating' && spec.repetitions !== null
      ? spec.repetitions
      : DEFAULT_RETRIES;
  } catch {
    return DEFAULT_RETRIES;
  }
}

/** When a job that just failed (leaving `retriesLeft`) is due again. */
export function nextAttempt(
  cycle: string | null | undefined,
  retriesLeft: number,
  now: Date,
): Date {
  if (cycle) {
    try {
      const next = nextDueDate(parseTimerDefinition('timeCycle', cycle), now);
      if (next) return next;
    } catch {
      // an unparsable cycle falls back to the default backoff
    }
  }
  const attempt = Math.min(
    Math.max(DEFAULT_RETRIES - retriesLeft - 1, 0),
    DEFAULT_BACKOFF_MS.length - 1,
  );
  return new Date(now.getTime() + DEFAULT_BACKOFF_MS[attempt]);
}
