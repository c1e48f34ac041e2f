/**
 * Dates and durations for the cockpit: shown in the browser's locale, sent in the format
 * /engine-rest parses. Pure (no DOM, no i18n state) so the unit specs can pin them down.
 */
import { normalizeOffset } from '../api/dates.js';

/** Camunda's `2026-11-22T10:00:00.000+0000` (also plain ISO) as a Date; null when unreadable. */
export function parseApiDate(text: string | null | undefined): Date | null {
  if (!text) return null;
  const date = new Date(normalizeOffset(text));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `yyyy-mm-dd` from a date input as the start (or the end) of that local day; null when empty. */
export function dayBoundary(day: string, end: boolean): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  return end ? new Date(year, month, date, 23, 59, 59, 999) : new Date(year, month, date);
}

export function formatDateTime(text: string | null | undefined, locale: string): string {
  const date = parseApiDate(text);
  if (!date) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

const UNITS: readonly [unit: 'day' | 'hour' | 'minute' | 'second', ms: number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** A duration as its largest unit and the next one, e.g. "2 h 5 min" / "2 ч 5 мин"; "0 s" at least. */
export function formatDuration(ms: number | null | undefined, locale: string): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
  const format = (count: number, unit: (typeof UNITS)[number][0]) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(count);
  const first = UNITS.findIndex(([, size]) => ms >= size);
  if (first === -1) return format(0, 'second');
  const [unit, size] = UNITS[first];
  const parts = [format(Math.floor(ms / size), unit)];
  const next = UNITS[first + 1];
  if (next) {
    const count = Math.floor((ms % size) / next[1]);
    if (count > 0) parts.push(format(count, next[0]));
  }
  return parts.join(' ');
}
