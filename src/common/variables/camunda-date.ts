/**
 * Camunda 7's REST date format `yyyy-MM-dd'T'HH:mm:ss.SSSZ`, e.g. `2013-06-30T21:33:32.000+0200`.
 * Parsing also accepts ISO 8601 forms clients commonly send (`Z`, `+02:00`, no or more fraction
 * digits); an offset is required because a local time names no instant.
 */
const DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/;

/** Formats an instant as Camunda returns dates: always in UTC with a `+0000` offset. */
export function formatCamundaDate(date: Date): string {
  // toISOString throws a RangeError for an invalid Date, which is a programming error here.
  return date.toISOString().replace(/Z$/, '+0000');
}

/** Parses a Camunda or ISO 8601 date-time with offset; `null` when the text is not a real instant. */
export function parseCamundaDate(text: string): Date | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const millis = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const offsetMinutes = parseOffset(match[8]);
  if (
    offsetMinutes === null ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  date.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999.
  return new Date(date.getTime() - offsetMinutes * 60_000);
}

/** The instant as Conveyor stores it: ISO 8601 in UTC with milliseconds. */
export function toStoredDate(date: Date): string {
  return date.toISOString();
}

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function parseOffset(offset: string): number | null {
  if (offset === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 18 || minutes > 59) return null;
  const total = hours * 60 + minutes;
  return offset.startsWith('-') ? -total : total;
}
