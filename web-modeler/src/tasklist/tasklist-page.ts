import { h } from '../app/dom.js';
import type { Page } from '../app/page.js';
import { t } from '../i18n/i18n.js';

/** Placeholder until the tasklist is built (docs/web-app.md lists what it needs). */
export function createTasklistPage(): Page {
  const title = h('h2');
  const note = h('p');
  const retranslate = () => {
    title.textContent = t('tasklist.title');
    note.textContent = t('tasklist.notYet');
  };
  retranslate();
  return { element: h('section', { class: 'page tasklist-page' }, title, note), retranslate };
}
