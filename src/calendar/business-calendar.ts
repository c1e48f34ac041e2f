import { DateTime } from 'luxon';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import type { BusinessCalendarConfig } from '../config/app-config.js';

/** The most working days one call may count; more is a mistake in a diagram, not a plan. */
export const MAX_WORKING_DAYS = 3650;
/**
 * The most working hours one call may count: a year's worth of clock hours, about four years of
 * 9-hour working days. Hours are counted period by period, so the cap also bounds the work (~50 ms).
 */
export const MAX_WORKING_HOURS = 365 * 24;
/** How far ahead a working period is looked for before the calendar gives up (holidays only). */
const MAX_SEARCH_DAYS = 3660;

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;
const MINUTE_MS = 60 * 1000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One working day's working time, as epoch milliseconds: [start, end). */
interface WorkingPeriod {
  start: number;
  end: number;
}

/**
 * Working days and working hours in one time zone (DST-correct through luxon). Every method takes
 * and returns instants; the zone only decides which instants are working time. Working time is
 * [start, end) of each working day: the start minute is working time, the end minute is not.
 *
 * Calendar days are counted as "epoch days" (days since 1970-01-01 of the local date), so walking
 * from day to day is plain integer arithmetic; only a day's working period is placed in the zone.
 */
export class BusinessCalendar {
  /** The IANA zone working time is counted in. */
  readonly timeZone: string;
  private readonly startMinute: number;
  private readonly endMinute: number;
  private readonly workingDays: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<string>;

  constructor(config: BusinessCalendarConfig) {
    assertValidConfig(config);
    this.timeZone = config.timeZone;
    this.startMinute = config.workingHours.startMinute;
    this.endMinute = config.workingHours.endMinute;
    this.workingDays = new Set(config.workingDays);
    this.holidays = new Set(config.holidays);
  }

  /** True when the instant falls inside a working day's working hours. */
  isWorkingTime(date: Date): boolean {
    const at = instantOf(date, 'isWorkingTime');
    return this.periodEndingAfter(at).start <= at;
  }

  /** The instant itself when it is working time, otherwise the start of the next working period. */
  nextWorkingTime(date: Date): Date {
    const at = instantOf(date, 'nextWorkingTime');
    return new Date(Math.max(at, this.periodEndingAfter(at).start));
  }

  /**
   * The instant `hours` of working time later (fractions allowed): nights, days off and holidays
   * do not count. Counting starts at `nextWorkingTime(date)`; a count that ends exactly at the end
   * of a working day gives that end (18:00), not the next morning.
   */
  addWorkingHours(date: Date, hours: number): Date {
    const at = instantOf(date, 'addWorkingHours');
    assertCount('addWorkingHours', 'hours', hours, MAX_WORKING_HOURS, false);
    let remaining = Math.round(hours * HOUR_MS);
    const periods = this.periodsEndingAfter(at);
    for (;;) {
      const period = periods.next().value;
      const from = Math.max(at, period.start);
      if (remaining <= period.end - from) return new Date(from + remaining);
      remaining -= period.end - from;
    }
  }

  /**
   * The same local time of day `days` working days later. From a non-working moment the count
   * starts at the next working start (Saturday 12:00 + 1 → Tuesday 09:00); 0 days gives
   * `nextWorkingTime(date)`.
   */
  addWorkingDays(date: Date, days: number): Date {
    const at = instantOf(date, 'addWorkingDays');
    assertCount('addWorkingDays', 'days', days, MAX_WORKING_DAYS, true);
    const start = DateTime.fromMillis(Math.max(at, this.periodEndingAfter(at).start), {
      zone: this.timeZone,
    });
    let day = epochDayOf(start);
    for (let counted = 0; counted < days;) {
      day++;
      if (this.isWorkingDay(day)) counted++;
    }
    const target = calendarDate(day);
    return DateTime.fromObject(
      {
        ...target,
        hour: start.hour,
        minute: start.minute,
        second: start.second,
        millisecond: start.millisecond,
      },
      { zone: this.timeZone },
    ).toJSDate();
  }

  /**
   * The end of the working day the instant belongs to (before the start of a working day: that
   * day). At or after the end of working hours, or on a day off: the end of the next working day.
   */
  endOfWorkingDay(date: Date): Date {
    const at = instantOf(date, 'endOfWorkingDay');
    return new Date(this.periodEndingAfter(at).end);
  }

  /** The first working period that ends after the instant: it contains it, or comes next. */
  private periodEndingAfter(at: number): WorkingPeriod {
    return this.periodsEndingAfter(at).next().value;
  }

  /** The working periods that end after the instant, in order; gives up after a long idle stretch. */
  private *periodsEndingAfter(at: number): Generator<WorkingPeriod, never> {
    let day = epochDayOf(DateTime.fromMillis(at, { zone: this.timeZone }));
    for (let idle = 0; idle <= MAX_SEARCH_DAYS; day++) {
      const period = this.isWorkingDay(day) ? this.periodOf(day) : undefined;
      if (period && period.end > at && period.end > period.start) {
        idle = 0;
        yield period;
      } else {
        idle++;
      }
    }
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      `The business calendar has no working time within the ${MAX_SEARCH_DAYS} days before ${isoDayOf(day)}`,
    );
  }

  private isWorkingDay(epochDay: number): boolean {
    const isoWeekday = ((new Date(epochDay * DAY_MS).getUTCDay() + 6) % 7) + 1;
    return this.workingDays.has(isoWeekday) && !this.holidays.has(isoDayOf(epochDay));
  }

  /**
   * A working day's period. The end is the start plus the working day's length unless the zone's
   * offset changes in between (a DST switch inside working hours): then it is placed on its own.
   */
  private periodOf(epochDay: number): WorkingPeriod {
    const date = calendarDate(epochDay);
    const start = this.wallClock(date, this.startMinute);
    const end = start + (this.endMinute - this.startMinute) * MINUTE_MS;
    if (this.zoneOffset(end) === this.zoneOffset(start)) return { start, end };
    return { start, end: this.wallClock(date, this.endMinute) };
  }

  /** The instant of a local wall-clock minute of a day (luxon moves times in a DST gap forward). */
  private wallClock(date: CalendarDate, minuteOfDay: number): number {
    if (minuteOfDay >= 24 * 60) {
      return DateTime.fromObject(date, { zone: this.timeZone })
        .plus({ days: 1 })
        .startOf('day')
        .toMillis();
    }
    const hour = Math.floor(minuteOfDay / 60);
    return DateTime.fromObject(
      { ...date, hour, minute: minuteOfDay % 60 },
      { zone: this.timeZone },
    ).toMillis();
  }

  private zoneOffset(at: number): number {
    return DateTime.fromMillis(at, { zone: this.timeZone }).offset;
  }
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function epochDayOf(local: DateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day) / DAY_MS;
}

/** 'YYYY-MM-DD' of an epoch day, the form holidays are configured in. */
function isoDayOf(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

function calendarDate(epochDay: number): CalendarDate {
  const date = new Date(epochDay * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function instantOf(date: unknown, method: string): number {
  const millis = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(millis)) {
    throw new ConveyorError(ErrorCode.InvalidRequest, `${method}: the date is not a valid date`);
  }
  return millis;
}

function assertCount(
  method: string,
  name: string,
  count: unknown,
  max: number,
  whole: boolean,
): void {
  const valid =
    typeof count === 'number' &&
    Number.isFinite(count) &&
    count >= 0 &&
    count <= max &&
    (!whole || Number.isInteger(count));
  if (valid) return;
  const kind = whole ? 'a whole number' : 'a number';
  throw new ConveyorError(
    ErrorCode.InvalidRequest,
    `${method}: ${name} must be ${kind} from 0 to ${max}, got ${String(count)}`,
  );
}

/** The configuration is validated at boot (load-config.ts); this guards direct construction. */
function assertValidConfig(config: BusinessCalendarConfig): void {
  const problems: string[] = [];
  if (!DateTime.now().setZone(config.timeZone).isValid) {
    problems.push(`unknown time zone ${JSON.stringify(config.timeZone)}`);
  }
  const { startMinute, endMinute } = config.workingHours;
  if (
    !Number.isInteger(startMinute) ||
    !Number.isInteger(endMinute) ||
    startMinute < 0 ||
    endMinute > 24 * 60 ||
    startMinute >= endMinute
  ) {
    problems.push(`working hours must satisfy 0 <= start < end <= 1440 minutes`);
  }
  if (
    config.workingDays.length === 0 ||
    !config.workingDays.every((day) => Number.isInteger(day) && day >= 1 && day <= 7)
  ) {
    problems.push('working days must be ISO weekdays 1..7, at least one');
  }
  const badHoliday = config.holidays.find(
    (day) => !ISO_DAY.test(day) || !DateTime.fromISO(day).isValid,
  );
  if (badHoliday !== undefined)
    problems.push(`holiday ${JSON.stringify(badHoliday)} is not a date`);
  if (problems.length > 0) throw new Error(`Invalid business calendar: ${problems.join('; ')}`);
}
