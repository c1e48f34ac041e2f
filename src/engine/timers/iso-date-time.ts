import { daysInMonthUtc } from './duration-arithmetic.js';
import { TimerDefinitionError } from './timer-definition-error.js';
import { MAX_TIMER_TEXT_LENGTH } from './timer-limits.js';

// Extended format only: 2026-12-01, 2026-12-01T10:00, 2026-12-01T10:00:00.5Z, …+01:00, …-0500.
const DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

const MAX_OFFSET_MINUTES = 18 * 60;

/**
 * Parses an ISO 8601 date or date-time in extended format. A zone designator (`Z`, `+01:00`) is
 * honoured; a local date-time without one is read as UTC — Camunda would use the server's default
 * zone, which on a server fleet is an accident waiting to happen, so we pin it. A date alone means
 * midnight UTC. Fractions of a second are truncated to milliseconds.
 */
export function parseIsoDateTime(text: string): Date {
  const trimmed = text.trim();
  if (trimmed.length > MAX_TIMER_TEXT_LENGTH) {
    throw new TimerDefinitionError(`Date is longer than ${MAX_TIMER_TEXT_LENGTH} characters`);
  }
  const match = DATE_TIME_PATTERN.exec(trimmed.toUpperCase());
  if (!match) {
    throw new TimerDefinitionError(
      `Invalid date "${trimmed}": expected an ISO 8601 date-time such as 2026-12-01T10:00:00Z`,
    );
  }
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
  const fields = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
  };
  if (
    fields.month < 1 ||
    fields.month > 12 ||
    fields.day < 1 ||
    fields.day > daysInMonthUtc(fields.year, fields.month - 1) ||
    fields.hour > 23 ||
    fields.minute > 59 ||
    fields.second > 59
  ) {
    throw new TimerDefinitionError(`Invalid date "${trimmed}": a field is out of range`);
  }
  const date = new Date(0);
  date.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  date.setUTCHours(
    fields.hour,
    fields.minute,
    fields.second,
    Number(fraction.padEnd(3, '0').slice(0, 3)),
  );
  return new Date(date.getTime() - offsetMinutes(zone, trimmed) * 60_000);
}

function offsetMinutes(zone: string | undefined, text: string): number {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  const total = hours * 60 + minutes;
  if (minutes > 59 || total > MAX_OFFSET_MINUTES) {
    throw new TimerDefinitionError(`Invalid date "${text}": zone offset ${zone} is out of range`);
  }
  return sign * total;
}
