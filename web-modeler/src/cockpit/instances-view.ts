import { searchInstances, type HistoricInstance } from '../api/instances.js';
import { h } from '../app/dom.js';
import type { MessageKey } from '../i18n/ru.js';
import { cockpitHash } from './cockpit-routes.js';
import { Labels, StatusLine, type View } from './cockpit-ui.js';
import {
  EMPTY_FILTER,
  instanceQuery,
  type InstanceFilter,
  type InstanceState,
} from './instance-search.js';

const STATES: readonly { state: InstanceState; label: MessageKey }[] = [
  { state: 'active', label: 'cockpit.instances.stateActive' },
  { state: 'completed', label: 'cockpit.instances.stateCompleted' },
  { state: 'all', label: 'cockpit.instances.stateAll' },
];

/** Instance search (business key, state, start dates, a variable) and the list of matches. */
export class InstancesView implements View {
  readonly element: HTMLElement;
  private readonly labels = new Labels();
  private readonly resultLabels = new Labels();
  private readonly status = new StatusLine();
  private readonly results = h('div', { class: 'cockpit-results' });
  private readonly inputs: Record<Exclude<keyof InstanceFilter, 'state'>, HTMLInputElement>;
  private readonly state = h('select', { name: 'state', 'data-field': 'state' });

  constructor(definitionKey?: string) {
    const input = (name: keyof InstanceFilter, type = 'text') =>
      h('input', { name, type, 'data-field': name });
    this.inputs = {
      businessKey: input('businessKey'),
      startedFrom: input('startedFrom', 'date'),
      startedTo: input('startedTo', 'date'),
      variableName: input('variableName'),
      variableValue: input('variableValue'),
      definitionKey: input('definitionKey'),
    };
    this.inputs.definitionKey.value = definitionKey ?? '';
    for (const { state, label } of STATES) {
      this.state.append(this.labels.text(h('option', { value: state }), label));
    }
    this.state.value = EMPTY_FILTER.state;
    const field = (label: MessageKey, control: HTMLElement) =>
      h('label', {}, this.labels.span(label), control);
    const form = h(
      'form',
      { class: 'cockpit-search', 'data-form': 'instance-search' },
      field('cockpit.instances.businessKey', this.inputs.businessKey),
      field('cockpit.instances.state', this.state),
      field('cockpit.instances.startedFrom', this.inputs.startedFrom),
      field('cockpit.instances.startedTo', this.inputs.startedTo),
      field('cockpit.instances.variableName', this.inputs.variableName),
      field('cockpit.instances.variableValue', this.inputs.variableValue),
      field('cockpit.instances.definitionKey', this.inputs.definitionKey),
      this.labels.text(
        h('button', { type: 'submit', class: 'primary' }),
        'cockpit.instances.search',
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.search();
    });
    this.element = h(
      'div',
      { class: 'cockpit-view' },
      this.labels.text(h('h2'), 'cockpit.instances.title'),
      form,
      this.status.element,
      this.results,
    );
    void this.search();
  }

  retranslate(): void {
    this.labels.retranslate();
    this.resultLabels.retranslate();
    this.status.retranslate();
  }

  private filter(): InstanceFilter {
    const value = (name: keyof typeof this.inputs) => this.inputs[name].value;
    return {
      businessKey: value('businessKey'),
      state: this.state.value as InstanceState,
      startedFrom: value('startedFrom'),
      startedTo: value('startedTo'),
      variableName: value('variableName'),
      variableValue: value('variableValue'),
      definitionKey: value('definitionKey'),
    };
  }

  private async search(): Promise<void> {
    this.status.show('info', 'cockpit.loading');
    try {
      const instances = await searchInstances(instanceQuery(this.filter()));
      this.render(instances);
      this.status.show('info', 'cockpit.instances.found', { count: instances.length });
    } catch (error) {
      this.status.error(error);
    }
  }

  private render(instances: HistoricInstance[]): void {
    this.resultLabels.reset();
    const labels = this.resultLabels;
    this.results.replaceChildren(
      labels.table(
        [
          'cockpit.instances.instance',
          'cockpit.instances.businessKey',
          'cockpit.instances.process',
          'cockpit.instances.state',
          'cockpit.instances.started',
          'cockpit.instances.ended',
          'cockpit.instances.startedBy',
        ],
        instances.map((instance) => [
          h(
            'a',
            {
              href: cockpitHash({ view: 'instance', instanceId: instance.id }),
              'data-instance-id': instance.id,
            },
            instance.id.slice(0, 8),
          ),
          instance.businessKey ?? '',
          `${instance.processDefinitionName ?? instance.processDefinitionKey} v${instance.processDefinitionVersion}`,
          stateLabel(labels, instance.state),
          labels.date(instance.startTime),
          labels.date(instance.endTime),
          instance.startUserId ?? '',
        ]),
        { 'data-table': 'instances' },
      ),
    );
  }
}

/** An instance's state, translated (ACTIVE, COMPLETED, EXTERNALLY_TERMINATED, …). */
export function stateLabel(labels: Labels, state: string): HTMLElement {
  const keys: Record<string, MessageKey> = {
    ACTIVE: 'cockpit.state.ACTIVE',
    SUSPENDED: 'cockpit.state.SUSPENDED',
    COMPLETED: 'cockpit.state.COMPLETED',
    EXTERNALLY_TERMINATED: 'cockpit.state.EXTERNALLY_TERMINATED',
    INTERNALLY_TERMINATED: 'cockpit.state.INTERNALLY_TERMINATED',
  };
  const key = keys[state];
  const span = h('span', { class: 'cockpit-state', 'data-state': state }, state);
  return key ? labels.text(span, key) : span;
}
