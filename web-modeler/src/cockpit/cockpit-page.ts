import { h } from '../app/dom.js';
import type { Page } from '../app/page.js';
import { t } from '../i18n/i18n.js';

/** Placeholder until the cockpit is built (docs/web-app.md lists what it needs). */
export function createCockpitPage(): Page {
  const title = h('h2');
  const note = h('p');
  const retranslate = () => {
    title.textContent = t('cockpit.title');
    note.textContent = t('cockpit.notYet');
  };
  retranslate();
  return { element: h('section', { class: 'page cockpit-page' }, title, note), retranslate };
}
