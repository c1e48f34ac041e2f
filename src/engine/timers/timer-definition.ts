import { type CronSchedule, looksLikeCron, parseCronSchedule } from './cron-schedule.js';
import { parseIsoDateTime } from './iso-date-time.js';
import { type IsoDuration, approximateDurationMillis, parseIsoDuration } from './iso-duration.js';
import { TimerDefinitionError } from './timer-definition-error.js';
import { MAX_TIMER_TEXT_LENGTH, MIN_CYCLE_INTERVAL_MILLIS } from './timer-limits.js';

/** The three timer elements of a BPMN timerEventDefinition. */
export type TimerKind = 'timeDuration' | 'timeDate' | 'timeCycle';

/** timeDuration `PT15M`: due once, that long after the timer starts waiting. */
export interface DurationTimerSpec {
  type: 'duration';
  kind: 'timeDuration';
  text: string;
  duration: IsoDuration;
}

/** timeDate `2026-12-01T10:00:00Z`: due once at that instant (at once if already past). */
export interface DateTimerSpec {
  type: 'date';
  kind: 'timeDate';
  text: string;
  date: Date;
}

/**
 * timeCycle as an ISO 8601 repeating interval: `R3/PT10H`, `R/PT1H` (unbounded),
 * `R5/2026-01-01T09:00:00Z/P1D` (series anchored at a start), `R/P1D/2027-01-01T00:00:00Z`
 * (bounded by an end). Without `R` (`PT1H`) it fires once, as in Camunda.
 */
export interface RepeatingTimerSpec {
  type: 'repeating';
  kind: 'timeCycle';
  text: string;
  /** How many times it fires in all; null = unbounded (`R/`). */
  repetitions: number | null;
  interval: IsoDuration;
  start?: Date;
  end?: Date;
}

/** timeCycle as a Quartz-style cron expression `0 0 9 ? * MON-FRI` (UTC). */
export interface CronTimerSpec {
  type: 'cron';
  kind: 'timeCycle';
  text: string;
  cron: CronSchedule;
}

export type TimerSpec = DurationTimerSpec | DateTimerSpec | RepeatingTimerSpec | CronTimerSpec;

/**
 * True when the text is an expression (`${…}`, `#{…}` JUEL or `=…` FEEL) that the engine must
 * evaluate first; parse the result, not the text.
 */
export function isTimerExpression(text: string): boolean {
  return text.includes('${') || text.includes('#{') || text.trimStart().startsWith('=');
}

/** Parses the text of a timeDuration, timeDate or timeCycle; throws TimerDefinitionError. */
export function parseTimerDefinition(kind: TimerKind, text: string): TimerSpec {
  const trimmed = text.trim();
  if (trimmed === '') throw new TimerDefinitionError(`${kind} is empty`);
  if (trimmed.length > MAX_TIMER_TEXT_LENGTH) {
    throw new TimerDefinitionError(`${kind} is longer than ${MAX_TIMER_TEXT_LENGTH} characters`);
  }
  if (isTimerExpression(trimmed)) {
    throw new TimerDefinitionError(
      `${kind} "${trimmed}" is an expression: evaluate it before parsing`,
    );
  }
  switch (kind) {
    case 'timeDuration':
      return { type: 'duration', kind, text: trimmed, duration: parseIsoDuration(trimmed) };
    case 'timeDate':
      return { type: 'date', kind, text: trimmed, date: parseIsoDateTime(trimmed) };
    case 'timeCycle':
      return looksLikeCron(trimmed)
        ? { type: 'cron', kind, text: trimmed, cron: parseCronSchedule(trimmed) }
        : parseRepeatingInterval(trimmed);
    default:
      throw new TimerDefinitionError(`Unknown timer kind "${String(kind)}"`);
  }
}

function parseRepeatingInterval(text: string): RepeatingTimerSpec {
  const parts = text.split('/');
  const repeated = /^R/i.test(parts[0] ?? '');
  const repetitions = repeated ? parseRepetitions(parts.shift() ?? 'R', text) : 1;
  if (parts.length < 1 || parts.length > 2) {
    throw new TimerDefinitionError(
      `Invalid timeCycle "${text}": expected a repeating interval such as R3/PT10H, R/P1D, ` +
        'R5/2026-01-01T09:00:00Z/P1D, or a cron expression such as 0 0 9 ? * MON-FRI',
    );
  }
  const [first = '', second] = parts;
  const spec: RepeatingTimerSpec = {
    type: 'repeating',
    kind: 'timeCycle',
    text,
    repetitions,
    ...intervalParts(first, second, text),
  };
  if (approximateDurationMillis(spec.interval) < MIN_CYCLE_INTERVAL_MILLIS) {
    throw new TimerDefinitionError(
      `timeCycle "${text}" repeats more often than every ${MIN_CYCLE_INTERVAL_MILLIS} ms; such timers are refused`,
    );
  }
  return spec;
}

/** `duration`, `start/duration` or `duration/end` (parts already split on `/`). */
function intervalParts(
  first: string,
  second: string | undefined,
  text: string,
): Pick<RepeatingTimerSpec, 'interval' | 'start' | 'end'> {
  if (second === undefined) return { interval: parseIsoDuration(first) };
  if (isDuration(first) && !isDuration(second)) {
    return { interval: parseIsoDuration(first), end: parseIsoDateTime(second) };
  }
  if (!isDuration(first) && isDuration(second)) {
    return { start: parseIsoDateTime(first), interval: parseIsoDuration(second) };
  }
  throw new TimerDefinitionError(
    `Invalid timeCycle "${text}": give start/duration or duration/end (start/end is not supported)`,
  );
}

function parseRepetitions(token: string, text: string): number | null {
  if (token.length === 1) return null;
  if (!/^R\d+$/i.test(token)) {
    throw new TimerDefinitionError(
      `Invalid timeCycle "${text}": "${token}" is not a repetition count like R3 or R`,
    );
  }
  const count = Number(token.slice(1));
  if (count === 0)
    throw new TimerDefinitionError(`timeCycle "${text}" repeats 0 times: it would never fire`);
  if (!Number.isSafeInteger(count))
    throw new TimerDefinitionError(`timeCycle "${text}" repeats too often`);
  return count;
}

function isDuration(part: string): boolean {
  return /^P/i.test(part);
}
