import { nextCronDate } from './cron-schedule.js';
import { addDuration, addMonthsUtc } from './duration-arithmetic.js';
import { approximateDurationMillis } from './iso-duration.js';
import type { RepeatingTimerSpec, TimerSpec } from './timer-definition.js';
import { TimerDefinitionError } from './timer-definition-error.js';
import { LATEST_DUE_DATE, MAX_TIMER_HORIZON_YEARS } from './timer-limits.js';

/**
 * When the timer is next due, or null when it has nothing left to fire.
 *
 * - `from`: for the first firing, when the timer started waiting; for later firings of a cycle,
 *   the previous due date (chaining from the due date, not the late firing time, avoids drift).
 * - `firedCount`: how many times it has fired already. Durations and dates fire once.
 *
 * A timeDate in the past is returned as is (overdue: fire at once). A cycle anchored at a start
 * date (`R5/2026-01-01T09:00:00Z/P1D`) is the fixed series start + k × interval, k < 5;
 * occurrences before `from` are skipped and count as spent. Cron cycles return null once no
 * occurrence lies within the horizon. Anything due more than MAX_TIMER_HORIZON_YEARS after
 * `from`, or after year 9999, throws TimerDefinitionError. All arithmetic is in UTC.
 */
export function nextDueDate(spec: TimerSpec, from: Date, firedCount = 0): Date | null {
  if (Number.isNaN(from.getTime()))
    throw new TimerDefinitionError('nextDueDate needs a valid "from" date');
  const horizon = horizonFrom(from);
  let due: Date | null;
  switch (spec.type) {
    case 'duration':
      due = firedCount > 0 ? null : addDuration(from, spec.duration);
      break;
    case 'date':
      due = firedCount > 0 ? null : spec.date;
      break;
    case 'repeating':
      due = nextRepetition(spec, from, firedCount);
      break;
    case 'cron':
      return nextCronDate(spec.cron, from, horizon);
  }
  if (due && !(due.getTime() <= horizon.getTime())) {
    const when = Number.isNaN(due.getTime()) ? 'after the year 9999' : `on ${due.toISOString()}`;
    throw new TimerDefinitionError(
      `Timer "${spec.text}" would fall due ${when}, more than ${MAX_TIMER_HORIZON_YEARS} years ` +
        `after ${from.toISOString()}; such timers are refused`,
    );
  }
  return due;
}

function nextRepetition(spec: RepeatingTimerSpec, from: Date, firedCount: number): Date | null {
  const { repetitions, interval, start, end } = spec;
  if (repetitions !== null && firedCount >= repetitions) return null;
  let due: Date;
  if (start) {
    const index = Math.max(firedCount, firstIndexAtOrAfter(spec, start, from));
    if (repetitions !== null && index >= repetitions) return null;
    due = addDuration(start, interval, index);
  } else {
    due = addDuration(from, interval);
  }
  return end && due.getTime() > end.getTime() ? null : due;
}

/** The smallest k with start + k × interval ≥ from, estimated by division then corrected. */
function firstIndexAtOrAfter(spec: RepeatingTimerSpec, start: Date, from: Date): number {
  const behind = from.getTime() - start.getTime();
  if (behind <= 0) return 0;
  let index = Math.max(0, Math.floor(behind / approximateDurationMillis(spec.interval)) - 1);
  while (addDuration(start, spec.interval, index).getTime() < from.getTime()) index += 1;
  while (index > 0 && addDuration(start, spec.interval, index - 1).getTime() >= from.getTime())
    index -= 1;
  return index;
}

function horizonFrom(from: Date): Date {
  const horizon = addMonthsUtc(from, MAX_TIMER_HORIZON_YEARS * 12);
  return horizon.getTime() < LATEST_DUE_DATE.getTime() ? horizon : LATEST_DUE_DATE;
}
