import { h, type Attributes } from './dom.js';
import { t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/ru.js';

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
