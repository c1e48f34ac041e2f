/**
 * Bounds that keep timers sane ("ridiculous timers refused"). A timer is a job row that some
 * node must fire; one due in 400 years or every millisecond is a modelling mistake, not a need.
 */

/** Nothing may fall due further than this from the moment its due date is computed. */
export const MAX_TIMER_HORIZON_YEARS = 100;

/** A timeCycle may not repeat more often than this (a job every millisecond is a denial of service). */
export const MIN_CYCLE_INTERVAL_MILLIS = 1000;

/** Longer definitions are refused before any parsing: no real timer text comes near it. */
export const MAX_TIMER_TEXT_LENGTH = 256;

/** The last instant a 4-digit ISO 8601 year can express. */
export const LATEST_DUE_DATE = new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999));

export const MILLIS_PER_SECOND = 1000;
export const MILLIS_PER_MINUTE = 60 * MILLIS_PER_SECOND;
export const MILLIS_PER_HOUR = 60 * MILLIS_PER_MINUTE;
export const MILLIS_PER_DAY = 24 * MILLIS_PER_HOUR;

/** Mean Gregorian year, used only to compare calendar durations against the caps above. */
export const MEAN_MILLIS_PER_YEAR = 365.2425 * MILLIS_PER_DAY;
