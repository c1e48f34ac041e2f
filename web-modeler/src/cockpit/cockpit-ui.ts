import { ApiError } from '../api/client.js';
import { h, type Attributes } from '../app/dom.js';
import { language, t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/ru.js';
import { formatDateTime, formatDuration } from './cockpit-format.js';

/** A part of the cockpit: its element, re-labelled in place on a language switch. */
export interface View {
  readonly element: HTMLElement;
  retranslate(): void;
  dispose?(): void;
}

type Values = Record<string, string | number>;

/**
 * The labels of a view or section: each registers how to (re)write itself, so a language switch
 * re-labels the elements in place and typed input and loaded data stay. `reset()` before a section
 * renders again drops the labels of the elements it throws away.
 */
export class Labels {
  private appliers: (() => void)[] = [];

  /** Runs `apply` now and after every language switch. */
  on(apply: () => void): void {
    apply();
    this.appliers.push(apply);
  }

  text<E extends HTMLElement>(element: E, key: MessageKey, values?: () => Values): E {
    this.on(() => (element.textContent = t(key, values?.())));
    return element;
  }

  attr<E extends HTMLElement>(element: E, name: string, key: MessageKey): E {
    this.on(() => element.setAttribute(name, t(key)));
    return element;
  }

  /** A span with a translated text. */
  span(key: MessageKey, values?: () => Values, attributes: Attributes = {}): HTMLSpanElement {
    return this.text(h('span', attributes), key, values);
  }

  date(text: string | null | undefined): HTMLElement {
    const element = h('time', text ? { datetime: text } : {});
    this.on(() => (element.textContent = formatDateTime(text, locale())));
    return element;
  }

  duration(ms: number | null | undefined): HTMLElement {
    const element = h('span', { class: 'cockpit-duration' });
    this.on(() => (element.textContent = formatDuration(ms, locale())));
    return element;
  }

  button(key: MessageKey, onclick: () => void, attributes: Attributes = {}): HTMLButtonElement {
    return this.text(h('button', { type: 'button', ...attributes, onclick }), key);
  }

  /** A table with translated headings; rows are lists of cells. */
  table(
    headings: readonly MessageKey[],
    rows: readonly (readonly (Node | string)[])[],
    attributes: Attributes = {},
  ): HTMLTableElement {
    return h(
      'table',
      { class: 'cockpit-table', ...attributes },
      h('thead', {}, h('tr', {}, ...headings.map((key) => this.text(h('th'), key)))),
      h(
        'tbody',
        {},
        ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell)))),
      ),
    );
  }

  retranslate(): void {
    for (const apply of this.appliers) apply();
  }

  reset(): void {
    this.appliers = [];
  }
}

/** The locale for Intl formatting: the app's language. */
export function locale(): string {
  return language() === 'ru' ? 'ru-RU' : 'en-GB';
}

/** A line for what just happened: `data-kind` info, success or error. */
export class StatusLine {
  readonly element = h('p', { class: 'cockpit-status', role: 'status' });
  private current: { key: MessageKey; values?: Values; detail?: string } | null = null;

  show(kind: 'info' | 'success' | 'error', key: MessageKey, values?: Values, detail?: string) {
    this.current = { key, values, detail };
    this.element.dataset.kind = kind;
    this.retranslate();
  }

  error(error: unknown, key: MessageKey = 'cockpit.failed'): void {
    this.show('error', key, undefined, errorText(error));
  }

  clear(): void {
    this.current = null;
    this.element.textContent = '';
    delete this.element.dataset.kind;
  }

  retranslate(): void {
    if (!this.current) return;
    const { key, values, detail } = this.current;
    this.element.textContent = detail ? `${t(key, values)}: ${detail}` : t(key, values);
  }
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message || `${error.status}`;
  if (error instanceof TypeError) return t('error.network');
  return error instanceof Error ? error.message : String(error);
}

/** A link inside the cockpit. */
export function link(hash: string, text: string, attributes: Attributes = {}): HTMLAnchorElement {
  return h('a', { href: hash, ...attributes }, text);
}

/**
 * A cockpit tab that shows loaded data: a title with a refresh button, a status line and a body.
 * `labels` label the frame; `dataLabels` the rendered data (reset before each render).
 * Subclasses call `void this.load()` at the end of their constructor.
 */
export abstract class LoadedView implements View {
  readonly element: HTMLElement;
  protected readonly labels = new Labels();
  protected readonly dataLabels = new Labels();
  protected readonly status = new StatusLine();
  protected readonly body: HTMLElement;

  constructor(title: MessageKey, bodyClass: string) {
    this.body = h('div', { class: bodyClass });
    this.element = h(
      'div',
      { class: 'cockpit-view' },
      h(
        'div',
        { class: 'cockpit-toolbar' },
        this.labels.text(h('h2'), title),
        this.labels.button('cockpit.refresh', () => void this.load(), { 'data-action': 'refresh' }),
      ),
      this.status.element,
      this.body,
    );
  }

  retranslate(): void {
    this.labels.retranslate();
    this.dataLabels.retranslate();
    this.status.retranslate();
  }

  protected abstract load(): Promise<void>;
}
