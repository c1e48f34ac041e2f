import { EvaluationFailure } from './expression-error.js';

/**
 * JUEL 2.2 type coercions (spec §1.18), adapted to JavaScript values.
 * `null` and `undefined` are the same "null" here.
 */

export function isNullish(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Short description of a value for error messages (never its whole content). */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return `date ${toText(value)}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'function') return 'a function';
  return 'an object';
}

/** A number from null (0), a number, or a numeric string ('' is 0, as in JUEL). */
export function toNumber(value: unknown): number {
  if (isNullish(value)) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return 0;
    const parsed = Number(trimmed);
    if (!Number.isNaN(parsed)) return parsed;
  }
  throw new EvaluationFailure(`Cannot coerce ${describeValue(value)} to a number`);
}

/** A number if `value` is a number or a numeric string, otherwise undefined. */
export function tryNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.trim());
    if (!Number.isNaN(parsed)) return parsed;
  }
  return undefined;
}

/** JUEL: null and '' are false, a string is true only when it reads 'true' (any case). */
export function toBoolean(value: unknown): boolean {
  if (isNullish(value)) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.toLowerCase() === 'true';
  throw new EvaluationFailure(`Cannot coerce ${describeValue(value)} to a boolean`);
}

/** The text a value contributes to a template: null is '', a Date is ISO 8601, an object is JSON. */
export function toText(value: unknown): string {
  if (isNullish(value)) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (typeof value === 'object') return JSON.stringify(value) ?? '';
  return ''; // functions and symbols have no text
}

// A date (`2024-01-10`) or date-time (`2024-01-10T12:00`, seconds, fraction and offset optional).
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Epoch milliseconds of a Date or an ISO 8601 date string, otherwise undefined.
 * A date-time without an offset is read as UTC, like a date alone, so results never depend
 * on the server's time zone.
 */
export function toEpochMillis(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const normalized = value.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const hasTime = value.length > 10;
  const millis = Date.parse(hasTime && !match[1] ? `${normalized}Z` : normalized);
  return Number.isNaN(millis) ? undefined : millis;
}
