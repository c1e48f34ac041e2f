import type { ProcessDefinition } from '../api/definitions.js';
import { h } from '../app/dom.js';
import { t } from '../i18n/i18n.js';

/**
 * A modal list of every deployed version of every process; resolves with the chosen definition's
 * id, or null when cancelled. A <select> rather than a table: it works the same on a phone.
 */
export function pickDefinition(definitions: readonly ProcessDefinition[]): Promise<string | null> {
  return new Promise((resolve) => {
    const select = h('select', { name: 'definition', size: '12', class: 'definition-list' });
    for (const definition of definitions) {
      const label = `${definition.name ?? definition.key} (${definition.key}) — ${t('modeler.version')} ${definition.version}`;
      select.append(h('option', { value: definition.id }, label));
    }
    if (select.options.length > 0) select.selectedIndex = 0;
    const dialog = h('dialog', { class: 'definition-picker' });
    const finish = (id: string | null) => {
      dialog.close();
      dialog.remove();
      resolve(id);
    };
    const open = h(
      'button',
      { type: 'button', class: 'primary', onclick: () => finish(select.value || null) },
      t('modeler.open').replace('…', ''),
    );
    select.addEventListener('dblclick', () => finish(select.value || null));
    dialog.addEventListener('cancel', () => finish(null));
    dialog.append(
      h('h3', {}, t('modeler.chooseDefinition')),
      definitions.length > 0 ? select : h('p', {}, t('modeler.noDefinitions')),
      h(
        'div',
        { class: 'dialog-buttons' },
        h('button', { type: 'button', onclick: () => finish(null) }, t('modeler.cancel')),
        definitions.length > 0 ? open : null,
      ),
    );
    document.body.append(dialog);
    dialog.showModal();
  });
}
