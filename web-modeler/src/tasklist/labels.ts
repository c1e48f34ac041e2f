import { h, type Attributes } from '../app/dom.js';
import { language, t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/ru.js';
import { normalizeOffset } from './task-query.js';

/**
 * Fixed labels carry their message key (`data-i18n`, `data-i18n-placeholder`, `data-i18n-title`),
 * so a language switch re-labels a whole subtree in place without rebuilding it (inputs, the
 * form being filled and the selection stay as they are).
 */
export function label<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  key: MessageKey,
  attributes: Attributes = {},
): HTMLElementTagNameMap[K] {
  const element = h(tag, { ...attributes, 'data-i18n': key });
  element.textContent = t(key);
  return element;
}

/** An `<option>` whose text is a message. */
export function option(value: string, key: MessageKey): HTMLOptionElement {
  return label('option', key, { value });
}

export function relabel(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n as MessageKey);
  }
  for (const element of root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) {
    element.placeholder = t(element.dataset.i18nPlaceholder as MessageKey);
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) {
    element.title = t(element.dataset.i18nTitle as MessageKey);
    element.setAttribute('aria-label', element.title);
  }
}

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
