import {
  type IsoDuration,
  fixedPartMillis,
  isCalendarDuration,
  parseIsoDuration,
} from './iso-duration.js';
import { TimerDefinitionError } from './timer-definition-error.js';

/**
 * Adds `times` × the duration to a date, calendar-correct and in UTC, as java.time does:
 * years and months are added together as a number of months, the day clamped to the end of
 * the target month (Jan 31 + P1M = Feb 28/29), then days, hours, minutes and seconds as fixed
 * lengths. Because everything is UTC, P1D is always 24 hours, also across a local DST change.
 * Multiplying the components (rather than adding `times` times) keeps a monthly series anchored:
 * Jan 31 + 2 × P1M = Mar 31, not Mar 28.
 */
export function addDuration(date: Date, duration: IsoDuration | string, times = 1): Date {
  const parsed = typeof duration === 'string' ? parseIsoDuration(duration) : duration;
  const months = (parsed.years * 12 + parsed.months) * times;
  const shifted = months === 0 ? date.getTime() : addMonthsUtc(date, months).getTime();
  return new Date(shifted + fixedPartMillis(parsed) * times);
}

/**
 * The exact length of a duration in milliseconds. A duration with years or months has no fixed
 * length: pass the date it starts from, or get a TimerDefinitionError.
 */
export function durationToMillis(duration: IsoDuration | string, from?: Date): number {
  const parsed = typeof duration === 'string' ? parseIsoDuration(duration) : duration;
  if (!isCalendarDuration(parsed)) return fixedPartMillis(parsed);
  if (!from) {
    throw new TimerDefinitionError(
      'A duration with years or months has no fixed length in milliseconds without a start date',
    );
  }
  return addDuration(from, parsed).getTime() - from.getTime();
}

/** Adds whole months, clamping the day of month to the target month's last day. */
export function addMonthsUtc(date: Date, months: number): Date {
  const monthIndex = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const day = Math.min(date.getUTCDate(), daysInMonthUtc(year, month));
  const result = new Date(date.getTime());
  // setUTCFullYear rather than Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  result.setUTCFullYear(year, month, day);
  return result;
}

/** Days in a month (0-based month) of the proleptic Gregorian calendar. */
export function daysInMonthUtc(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month] ?? 31;
}
