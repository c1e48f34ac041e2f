import { TimerDefinitionError } from './timer-definition-error.js';
import {
  MAX_TIMER_HORIZON_YEARS,
  MAX_TIMER_TEXT_LENGTH,
  MEAN_MILLIS_PER_YEAR,
  MILLIS_PER_DAY,
  MILLIS_PER_HOUR,
  MILLIS_PER_MINUTE,
  MILLIS_PER_SECOND,
} from './timer-limits.js';

/** The components of an ISO 8601 duration as written (`P1Y2M3W4DT5H6M7.5S`). All non-negative. */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** The fraction of the seconds component, truncated to milliseconds. */
  milliseconds: number;
}

// Designators in ISO order; only the seconds may carry a fraction (as in Camunda's javax.xml
// durations). No nested quantifiers: matching is linear in the text length.
const DURATION_PATTERN =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,9}))?S)?)?$/;

const EXAMPLES = 'expected an ISO 8601 duration such as PT15M, P7D, PT36H or P1Y2M';

/**
 * Parses an ISO 8601 duration. Refuses negative, empty (`P`, `PT`), malformed and absurd
 * (longer than MAX_TIMER_HORIZON_YEARS) durations with a TimerDefinitionError.
 */
export function parseIsoDuration(text: string): IsoDuration {
  const trimmed = text.trim();
  if (trimmed.length > MAX_TIMER_TEXT_LENGTH) {
    throw new TimerDefinitionError(`Duration is longer than ${MAX_TIMER_TEXT_LENGTH} characters`);
  }
  const upper = trimmed.toUpperCase();
  if (/^-?P/.test(upper) && upper.includes('-')) {
    throw new TimerDefinitionError(`Negative duration "${trimmed}" is not allowed`);
  }
  const match = DURATION_PATTERN.exec(upper);
  if (!match || upper === 'P' || upper.endsWith('T')) {
    throw new TimerDefinitionError(`Invalid duration "${trimmed}": ${EXAMPLES}`);
  }
  const [, years, months, weeks, days, hours, minutes, seconds, fraction] = match;
  const duration: IsoDuration = {
    years: toCount(years, trimmed),
    months: toCount(months, trimmed),
    weeks: toCount(weeks, trimmed),
    days: toCount(days, trimmed),
    hours: toCount(hours, trimmed),
    minutes: toCount(minutes, trimmed),
    seconds: toCount(seconds, trimmed),
    milliseconds: fraction ? Number(fraction.padEnd(3, '0').slice(0, 3)) : 0,
  };
  if (approximateDurationMillis(duration) > MAX_TIMER_HORIZON_YEARS * MEAN_MILLIS_PER_YEAR) {
    throw new TimerDefinitionError(
      `Duration "${trimmed}" is longer than ${MAX_TIMER_HORIZON_YEARS} years; such timers are refused`,
    );
  }
  return duration;
}

/** True when the duration's length depends on the date it is added to (it has years or months). */
export function isCalendarDuration(duration: IsoDuration): boolean {
  return duration.years > 0 || duration.months > 0;
}

/**
 * The length in milliseconds counting a year as 365.2425 days and a month as a twelfth of that.
 * Only for comparing against limits; use addDuration for due dates.
 */
export function approximateDurationMillis(duration: IsoDuration): number {
  return (duration.years + duration.months / 12) * MEAN_MILLIS_PER_YEAR + fixedPartMillis(duration);
}

/** The weeks-to-seconds part, which is the same length wherever it starts (we compute in UTC). */
export function fixedPartMillis(duration: IsoDuration): number {
  return (
    (duration.weeks * 7 + duration.days) * MILLIS_PER_DAY +
    duration.hours * MILLIS_PER_HOUR +
    duration.minutes * MILLIS_PER_MINUTE +
    duration.seconds * MILLIS_PER_SECOND +
    duration.milliseconds
  );
}

function toCount(digits: string | undefined, text: string): number {
  if (digits === undefined) return 0;
  const value = Number(digits);
  // A number this size can only exceed the horizon; say so rather than "invalid".
  if (!Number.isSafeInteger(value)) {
    throw new TimerDefinitionError(
      `Duration "${text}" is longer than ${MAX_TIMER_HORIZON_YEARS} years; such timers are refused`,
    );
  }
  return value;
}
