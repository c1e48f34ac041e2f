import { daysInMonthUtc } from './duration-arithmetic.js';
import { TimerDefinitionError } from './timer-definition-error.js';
import { LATEST_DUE_DATE } from './timer-limits.js';

/**
 * A Quartz-style cron schedule as Camunda 7 accepts in timeCycle:
 * `second minute hour day-of-month month day-of-week [year]`, e.g. `0 0 9 ? * MON-FRI`.
 * Supported: `*`, `?`, numbers, names (JAN–DEC, SUN–SAT), ranges `a-b`, steps `*\/n`, `a/n`,
 * `a-b/n` and lists. Day-of-week counts like Quartz: 1 = SUN … 7 = SAT. Not supported (refused
 * with a clear message): `L`, `W`, `#`. Evaluated in UTC, whereas Camunda uses the server's zone.
 */
export interface CronSchedule {
  seconds: ReadonlySet<number>;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  /** null when day-of-month is `?` (day-of-week decides). */
  daysOfMonth: ReadonlySet<number> | null;
  months: ReadonlySet<number>;
  /** null when day-of-week is `?` (day-of-month decides). Quartz numbering, 1 = Sunday. */
  daysOfWeek: ReadonlySet<number> | null;
  /** null when no year field was given. */
  years: ReadonlySet<number> | null;
}

interface FieldRule {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTH_NAMES = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const SECOND: FieldRule = { name: 'second', min: 0, max: 59 };
const MINUTE: FieldRule = { name: 'minute', min: 0, max: 59 };
const HOUR: FieldRule = { name: 'hour', min: 0, max: 23 };
const DAY_OF_MONTH: FieldRule = { name: 'day-of-month', min: 1, max: 31 };
const MONTH: FieldRule = { name: 'month', min: 1, max: 12, names: MONTH_NAMES };
const DAY_OF_WEEK: FieldRule = { name: 'day-of-week', min: 1, max: 7, names: DAY_NAMES };
const YEAR: FieldRule = { name: 'year', min: 1970, max: 2099 };

const ITEM_PATTERN = /^(\*|[0-9A-Z]+)(?:-([0-9A-Z]+))?(?:\/(\d+))?$/;

/** True when the text looks like a cron expression rather than an ISO 8601 interval. */
export function looksLikeCron(text: string): boolean {
  return text.trim().split(/\s+/).length >= 6;
}

export function parseCronSchedule(text: string): CronSchedule {
  const [second, minute, hour, dayOfMonth, month, dayOfWeek, year, ...rest] = text
    .trim()
    .toUpperCase()
    .split(/\s+/);
  if (dayOfWeek === undefined || rest.length > 0) {
    throw cronError(
      text,
      'expected 6 or 7 fields: second minute hour day-of-month month day-of-week [year]',
    );
  }
  // Day names contain L and W (JUL, WED), so strip them before looking for the features.
  if (/[LW#]/.test(`${dayOfMonth} ${dayOfWeek}`.replace(/[A-Z]{3}/g, ''))) {
    throw cronError(text, 'the Quartz features L, W and # are not supported');
  }
  const months = parseField(month, MONTH, text);
  const days = parseDayFields(dayOfMonth, dayOfWeek, text);
  if (days.daysOfMonth && !someMonthHasDay(months, days.daysOfMonth)) {
    throw cronError(text, 'no month has such a day, so it would never fire');
  }
  return {
    seconds: parseField(second, SECOND, text),
    minutes: parseField(minute, MINUTE, text),
    hours: parseField(hour, HOUR, text),
    months,
    ...days,
    years: year === undefined ? null : parseField(year, YEAR, text),
  };
}

/** Quartz insists one day field is '?'; we accept '*' there too, but never two restrictions. */
function parseDayFields(
  dayOfMonth: string,
  dayOfWeek: string,
  text: string,
): Pick<CronSchedule, 'daysOfMonth' | 'daysOfWeek'> {
  if (dayOfMonth === '?' && dayOfWeek === '?')
    throw cronError(text, '"?" may stand in only one day field');
  if (dayOfMonth === '?')
    return { daysOfMonth: null, daysOfWeek: parseField(dayOfWeek, DAY_OF_WEEK, text) };
  if (dayOfWeek === '?' || dayOfWeek === '*') {
    return { daysOfMonth: parseField(dayOfMonth, DAY_OF_MONTH, text), daysOfWeek: null };
  }
  if (dayOfMonth === '*')
    return { daysOfMonth: null, daysOfWeek: parseField(dayOfWeek, DAY_OF_WEEK, text) };
  throw cronError(text, 'give either day-of-month or day-of-week, and "?" for the other');
}

function someMonthHasDay(months: ReadonlySet<number>, days: ReadonlySet<number>): boolean {
  const shortest = Math.min(...days);
  // 2000 is a leap year, so February 29 counts as possible.
  return [...months].some((month) => shortest <= daysInMonthUtc(2000, month - 1));
}

/** The first instant strictly after `from` (whole seconds, UTC) that matches; null if none up to `until`. */
export function nextCronDate(
  schedule: CronSchedule,
  from: Date,
  until: Date = LATEST_DUE_DATE,
): Date | null {
  let t = Math.floor(from.getTime() / 1000) * 1000 + 1000;
  const limit = Math.min(until.getTime(), LATEST_DUE_DATE.getTime());
  // Each step jumps to the start of the next candidate unit, so this terminates quickly.
  while (t <= limit) {
    const d = new Date(t);
    const [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
    if (schedule.years && !schedule.years.has(year)) {
      if (year > Math.max(...schedule.years)) return null;
      t = startOf(year + 1, 0, 1);
    } else if (!schedule.months.has(month + 1)) {
      t = startOf(year, month + 1, 1);
    } else if (!matchesDay(schedule, d)) {
      t = startOf(year, month, day + 1);
    } else if (!schedule.hours.has(d.getUTCHours())) {
      t = startOf(year, month, day, d.getUTCHours() + 1);
    } else if (!schedule.minutes.has(d.getUTCMinutes())) {
      t = startOf(year, month, day, d.getUTCHours(), d.getUTCMinutes() + 1);
    } else if (!schedule.seconds.has(d.getUTCSeconds())) {
      t += 1000;
    } else {
      return d;
    }
  }
  return null;
}

function matchesDay(schedule: CronSchedule, date: Date): boolean {
  if (schedule.daysOfMonth) return schedule.daysOfMonth.has(date.getUTCDate());
  return schedule.daysOfWeek?.has(date.getUTCDay() + 1) ?? true;
}

function startOf(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hour, minute, 0, 0);
  return date.getTime();
}

function parseField(text: string, rule: FieldRule, whole: string): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const match = ITEM_PATTERN.exec(item);
    if (!match) throw cronError(whole, `invalid ${rule.name} "${item}"`);
    const [, startText, endText, stepText] = match as unknown as [string, string, string?, string?];
    const star = startText === '*';
    if (star && endText !== undefined) throw cronError(whole, `invalid ${rule.name} "${item}"`);
    const start = star ? rule.min : toValue(startText, rule, whole);
    const end =
      endText !== undefined ? toValue(endText, rule, whole) : star || stepText ? rule.max : start;
    const step = stepText === undefined ? 1 : Number(stepText);
    if (start > end) throw cronError(whole, `${rule.name} range "${item}" runs backwards`);
    if (step < 1 || step > rule.max)
      throw cronError(whole, `invalid ${rule.name} step in "${item}"`);
    for (let v = start; v <= end; v += step) values.add(v);
  }
  return values;
}

function toValue(text: string, rule: FieldRule, whole: string): number {
  const named = rule.names?.indexOf(text) ?? -1;
  const value = named >= 0 ? named + rule.min : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= rule.min && value <= rule.max)) {
    throw cronError(whole, `${rule.name} "${text}" is not within ${rule.min}–${rule.max}`);
  }
  return value;
}

function cronError(text: string, reason: string): TimerDefinitionError {
  return new TimerDefinitionError(`Invalid cron expression "${text.trim()}": ${reason}`);
}
