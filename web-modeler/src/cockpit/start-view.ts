import { ApiError } from '../api/client.js';
import { listProcessDefinitions, processDefinitionXml } from '../api/definitions.js';
import { startFormVariables, submitStartForm, type VariableValue } from '../api/instances.js';
import { h } from '../app/dom.js';
import { t } from '../i18n/i18n.js';
import { cockpitHash } from './cockpit-routes.js';
import { Labels, StatusLine, type View } from './cockpit-ui.js';
import { processRows } from './definition-stats.js';
import {
  fieldVariable,
  initialInput,
  startFormFields,
  violationsByField,
  type RawFormField,
  type StartFormField,
} from './start-form-fields.js';

const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';

interface FieldControl {
  field: StartFormField;
  input: HTMLInputElement | HTMLSelectElement;
  problem: HTMLElement;
}

/** Start an instance by hand: choose a process, fill its start form and a business key, start. */
export class StartView implements View {
  readonly element: HTMLElement;
  private readonly labels = new Labels();
  private readonly formLabels = new Labels();
  private readonly status = new StatusLine();
  private readonly definition = h('select', { name: 'definition', 'data-field': 'definition' });
  private readonly form = h('form', { class: 'cockpit-start-form', 'data-form': 'start' });
  private controls: FieldControl[] = [];
  private readonly keys = new Map<string, string>();

  constructor(definitionId?: string) {
    this.definition.addEventListener('change', () => void this.loadForm());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.start();
    });
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
      this.form,
      this.status.element,
    );
    void this.loadDefinitions(definitionId);
  }

  retranslate(): void {
    this.labels.retranslate();
    this.formLabels.retranslate();
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
    this.formLabels.reset();
    this.controls = [];
    this.form.replaceChildren();
    if (!definitionId) return;
    try {
      const [xml, defaults] = await Promise.all([
        processDefinitionXml(definitionId),
        startFormVariables(definitionId),
      ]);
      // Another definition was chosen while this one loaded: its own load renders the form.
      if (this.definition.value !== definitionId) return;
      const key = this.keys.get(definitionId) ?? '';
      const fields = startFormFields(readFormFields(xml, key));
      this.controls = fields.map((field) => this.control(field, defaults[field.id]));
      const businessKey = h('input', { name: 'businessKey', 'data-field': 'businessKey' });
      this.form.replaceChildren(
        ...this.controls.map(({ field, input, problem }) => {
          const caption = h('span', {}, field.label);
          if (field.required) caption.append(h('span', { class: 'cockpit-required' }, ' *'));
          return h(
            'label',
            { class: 'cockpit-field', 'data-form-field': field.id },
            caption,
            input,
            problem,
          );
        }),
        h(
          'label',
          { class: 'cockpit-field' },
          this.formLabels.span('cockpit.start.businessKey'),
          businessKey,
        ),
        this.formLabels.text(
          h('button', { type: 'submit', class: 'primary', 'data-action': 'start' }),
          'cockpit.start.submit',
        ),
      );
      if (fields.length === 0) {
        this.form.prepend(
          this.formLabels.text(h('p', { class: 'cockpit-none' }), 'cockpit.start.noForm'),
        );
      }
      this.status.clear();
    } catch (error) {
      this.status.error(error);
    }
  }

  private control(field: StartFormField, current: VariableValue | undefined): FieldControl {
    const initial = initialInput(field, current);
    const attributes = { name: field.id, 'data-field': field.id };
    let input: HTMLInputElement | HTMLSelectElement;
    if (field.type === 'enum') {
      input = h('select', attributes, h('option', { value: '' }, ''));
      for (const value of field.values) input.append(h('option', { value: value.id }, value.name));
      input.value = String(initial);
    } else if (field.type === 'boolean') {
      input = h('input', { ...attributes, type: 'checkbox' });
      input.checked = initial === true;
    } else {
      const type = field.type === 'long' ? 'number' : field.type === 'date' ? 'date' : 'text';
      input = h('input', { ...attributes, type });
      if (field.type === 'long') input.step = '1';
      input.value = String(initial);
      const { minlength, maxlength, min, max } = field.constraints;
      if (minlength) input.minLength = Number(minlength);
      if (maxlength) input.maxLength = Number(maxlength);
      if (min) input.min = min;
      if (max) input.max = max;
    }
    input.required = field.required && field.type !== 'boolean';
    input.disabled = field.readonly;
    return {
      field,
      input,
      problem: h('span', { class: 'cockpit-problem', 'data-problem': field.id }),
    };
  }

  private async start(): Promise<void> {
    const definitionId = this.definition.value;
    const variables: Record<string, VariableValue> = {};
    for (const { field, input, problem } of this.controls) {
      problem.textContent = '';
      if (field.readonly) continue;
      const raw =
        input instanceof HTMLInputElement && input.type === 'checkbox'
          ? input.checked
          : input.value;
      const variable = fieldVariable(field, raw);
      if (variable) variables[field.id] = variable;
    }
    const businessKey = (
      this.form.elements.namedItem('businessKey') as HTMLInputElement | null
    )?.value.trim();
    try {
      const started = await submitStartForm(definitionId, variables, businessKey || undefined);
      location.hash = cockpitHash({ view: 'instance', instanceId: started.id });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const { byField, general } = violationsByField(
          error.message,
          this.controls.map((control) => control.field.id),
        );
        for (const control of this.controls) {
          control.problem.textContent = (byField.get(control.field.id) ?? []).join('; ');
        }
        this.status.show(
          'error',
          'cockpit.start.invalid',
          undefined,
          general.join('; ') || undefined,
        );
      } else {
        this.status.error(error);
      }
    }
  }
}

/** The camunda:formField elements of the process's none start event, read from the XML. */
function readFormFields(xml: string, processKey: string): RawFormField[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const process = [...doc.getElementsByTagNameNS(BPMN_NS, 'process')].find(
    (element) => element.getAttribute('id') === processKey,
  );
  const start = [...(process?.children ?? [])].find(
    (element) =>
      element.namespaceURI === BPMN_NS &&
      element.localName === 'startEvent' &&
      ![...element.children].some((child) => child.localName.endsWith('EventDefinition')),
  );
  const fields = start ? [...start.getElementsByTagNameNS(CAMUNDA_NS, 'formField')] : [];
  return fields.map((field) => ({
    id: field.getAttribute('id'),
    label: field.getAttribute('label'),
    type: field.getAttribute('type'),
    values: [...field.getElementsByTagNameNS(CAMUNDA_NS, 'value')].map((value) => ({
      id: value.getAttribute('id'),
      name: value.getAttribute('name'),
    })),
    constraints: [...field.getElementsByTagNameNS(CAMUNDA_NS, 'constraint')].map((constraint) => ({
      name: constraint.getAttribute('name'),
      config: constraint.getAttribute('config'),
    })),
  }));
}
