// label, option and relabel are the app's (app/labels.ts); the tasklist imports them from here too.
export { label, option, relabel } from '../app/labels.js';
import { language, t } from '../i18n/i18n.js';
import { normalizeOffset } from '../api/dates.js';

/** A Camunda or ISO date in the browser's zone, in the current language's style. */
export function formatDateTime(value: string | null): string {
  if (!value) return '';
  const time = Date.parse(normalizeOffset(value));
  if (!Number.isFinite(time)) return value;
  return new Intl.DateTimeFormat(language(), { dateStyle: 'short', timeStyle: 'short' }).format(
    time,
  );
}

export function formatTime(date: Date): string {
  return new Intl.DateTimeFormat(language(), { timeStyle: 'medium' }).format(date);
}

/** The message of an error from the API (or the network), for a status line. */
export function errorText(error: unknown): string {
  if (error instanceof TypeError) return t('error.network');
  return t('tasklist.error', { message: error instanceof Error ? error.message : String(error) });
}
