import { DateTime } from 'luxon';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { toEpochMillis } from '../engine/expressions/juel-coercion.js';
import type { BusinessCalendar } from './business-calendar.js';

/** The business calendar's functions as diagrams call them: `${addWorkingDays(now(), 3)}`, `= endOfWorkingDay(now())`. */
export type CalendarFunctionName = 'addWorkingDays' | 'addWorkingHours' | 'endOfWorkingDay';

/**
 * A function a diagram expression may call. `$args` names its parameters for feelin, which
 * otherwise reads them from the function's source text (and needs them for named arguments).
 */
export type CalendarFunction = ((...args: unknown[]) => Date) & { $args: string[] };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The expression functions over a calendar. Arguments come as expressions produce them: a Date
 * (JUEL variables of type Date, `now()`, FEEL date-times converted by the FEEL adapter), an ISO 8601
 * text (`2024-01-10T10:00:00+03:00`; without an offset it is UTC, as everywhere in expressions), or a
 * date alone (`2024-01-10`, FEEL `date("2024-01-10")`): the start of that day in the calendar's zone.
 * Counts are numbers or numeric texts. Anything else is an InvalidRequest naming the function.
 */
export function calendarExpressionFunctions(
  calendar: BusinessCalendar,
): Record<CalendarFunctionName, CalendarFunction> {
  return {
    addWorkingDays: scopeFunction('addWorkingDays', ['date', 'days'], (date, days) =>
      calendar.addWorkingDays(
        instantArgument('addWorkingDays', date, calendar.timeZone),
        countArgument('addWorkingDays', 'days', days),
      ),
    ),
    addWorkingHours: scopeFunction('addWorkingHours', ['date', 'hours'], (date, hours) =>
      calendar.addWorkingHours(
        instantArgument('addWorkingHours', date, calendar.timeZone),
        countArgument('addWorkingHours', 'hours', hours),
      ),
    ),
    endOfWorkingDay: scopeFunction('endOfWorkingDay', ['date'], (date) =>
      calendar.endOfWorkingDay(instantArgument('endOfWorkingDay', date, calendar.timeZone)),
    ),
  };
}

function scopeFunction(
  name: CalendarFunctionName,
  parameters: string[],
  body: (...args: unknown[]) => Date,
): CalendarFunction {
  const fn = (...args: unknown[]): Date => {
    if (args.length !== parameters.length) {
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `${name} takes ${parameters.length} argument(s) (${parameters.join(', ')}), got ${args.length}`,
      );
    }
    return body(...args);
  };
  return Object.assign(fn, { $args: parameters });
}

function instantArgument(fn: string, value: unknown, zone: string): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string') {
    const text = value.trim();
    const millis = DATE_ONLY.test(text)
      ? DateTime.fromISO(text, { zone }).toMillis()
      : toEpochMillis(text);
    if (millis !== undefined && !Number.isNaN(millis)) return new Date(millis);
  }
  throw new ConveyorError(
    ErrorCode.InvalidRequest,
    `${fn}: the date must be a date-time or an ISO 8601 text, got ${describe(value)}`,
  );
}

function countArgument(fn: string, name: string, value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  throw new ConveyorError(
    ErrorCode.InvalidRequest,
    `${fn}: ${name} must be a number, got ${describe(value)}`,
  );
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}
