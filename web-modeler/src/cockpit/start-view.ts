import { listProcessDefinitions, processDefinitionXml } from '../api/definitions.js';
import { startFormVariables, submitStartForm } from '../api/instances.js';
import type { TypedValue } from '../api/task-types.js';
import { label, relabel } from '../app/labels.js';
import { h } from '../app/dom.js';
import { FormView } from '../forms/form-view.js';
import { startFormFieldsOf } from '../forms/form-xml.js';
import { t } from '../i18n/i18n.js';
import { cockpitHash } from './cockpit-routes.js';
import { Labels, StatusLine, type View } from './cockpit-ui.js';
import { processRows } from './definition-stats.js';

/** Start an instance by hand: choose a process, fill its start form and a business key, start. */
export class StartView implements View {
  readonly element: HTMLElement;
  private readonly labels = new Labels();
  private readonly status = new StatusLine();
  private readonly definition = h('select', { name: 'definition', 'data-field': 'definition' });
  /** Where the chosen process's start form goes (the tasklist's FormView, the same rules). */
  private readonly formSlot = h('div', { class: 'cockpit-start-form' });
  private readonly keys = new Map<string, string>();

  constructor(definitionId?: string) {
    this.definition.addEventListener('change', () => void this.loadForm());
    this.element = h(
      'div',
      { class: 'cockpit-view' },
      this.labels.text(h('h2'), 'cockpit.start.title'),
      h(
        'label',
        { class: 'cockpit-field' },
        this.labels.span('cockpit.start.definition'),
        this.definition,
      ),
      this.formSlot,
      this.status.element,
    );
    void this.loadDefinitions(definitionId);
  }

  retranslate(): void {
    this.labels.retranslate();
    relabel(this.formSlot);
    this.status.retranslate();
  }

  private async loadDefinitions(wanted?: string): Promise<void> {
    try {
      const rows = processRows(await listProcessDefinitions());
      for (const row of rows) {
        const group = h('optgroup', { label: `${row.name} (${row.key})` });
        for (const version of row.versions) {
          this.keys.set(version.id, row.key);
          const option = h('option', { value: version.id });
          this.labels.on(
            () =>
              (option.textContent = t('cockpit.start.version', {
                name: row.name,
                version: version.version,
              })),
          );
          group.append(option);
        }
        this.definition.append(group);
      }
      if (wanted && [...this.definition.options].some((o) => o.value === wanted)) {
        this.definition.value = wanted;
      }
      if (rows.length === 0) this.status.show('info', 'cockpit.definitions.none');
      else await this.loadForm();
    } catch (error) {
      this.status.error(error);
    }
  }

  private async loadForm(): Promise<void> {
    const definitionId = this.definition.value;
    this.formSlot.replaceChildren();
    if (!definitionId) return;
    try {
      const [xml, values] = await Promise.all([
        processDefinitionXml(definitionId),
        startFormVariables(definitionId),
      ]);
      // Another definition was chosen while this one loaded: its own load renders the form.
      if (this.definition.value !== definitionId) return;
      const fields = startFormFieldsOf(xml, this.keys.get(definitionId) ?? '');
      const businessKey = h('input', { name: 'businessKey', 'data-field': 'businessKey' });
      const form = new FormView(
        fields,
        values,
        (variables) => this.start(definitionId, variables, businessKey.value.trim()),
        {
          title: 'cockpit.start.form',
          submit: 'cockpit.start.submit',
          action: 'start',
          name: 'start',
          extra: [
            h(
              'label',
              { class: 'form-field' },
              label('span', 'cockpit.start.businessKey', { class: 'form-field-label' }),
              businessKey,
            ),
          ],
        },
      );
      this.formSlot.replaceChildren(form.element);
      this.status.clear();
    } catch (error) {
      this.status.error(error);
    }
  }

  /** Starts the instance; a refused form throws back to the FormView, which marks the fields. */
  private async start(
    definitionId: string,
    variables: Record<string, TypedValue>,
    businessKey: string,
  ): Promise<void> {
    const started = await submitStartForm(definitionId, variables, businessKey || undefined);
    location.hash = cockpitHash({ view: 'instance', instanceId: started.id });
  }
}
