import type { SignedIn } from '../api/auth.js';
import { openTasksOf } from '../api/cockpit-tasks.js';
import { processDefinitionXml } from '../api/definitions.js';
import { activitiesOfInstance, userOperationsOf } from '../api/history.js';
import {
  cancelInstance,
  historicInstance,
  historicVariables,
  instanceVariables,
  type HistoricInstance,
  type VariableValue,
} from '../api/instances.js';
import { incidentsOf, jobsOf } from '../api/jobs.js';
import { h } from '../app/dom.js';
import type { DiagramViewer } from '../diagram/diagram-viewer.js';
import { t } from '../i18n/i18n.js';
import { cockpitHash } from './cockpit-routes.js';
import { Labels, StatusLine, type View } from './cockpit-ui.js';
import { instancePath, type Flow } from './instance-path.js';
import { timelineSection } from './instance-timeline.js';
import { variablesSection } from './instance-variables.js';
import { incidentsSection, jobsSection, tasksSection, type WorkContext } from './instance-work.js';
import { stateLabel } from './instances-view.js';

const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/**
 * One instance: its diagram (where it waits, the path it took), open tasks, pending timers (run
 * one now), incidents (retry), variables (edit, add), its history, and cancelling it.
 */
export class InstanceView implements View {
  readonly element: HTMLElement;
  private readonly labels = new Labels();
  private readonly dataLabels = new Labels();
  private readonly status = new StatusLine();
  private readonly header = h('div', { class: 'cockpit-instance-header' });
  private readonly canvas = h('div', { class: 'cockpit-diagram' });
  private readonly sections = h('div', { class: 'cockpit-sections' });
  private readonly cancelButton: HTMLButtonElement;
  private viewer: DiagramViewer | null = null;
  private shownXmlOf = '';
  private names = new Map<string, string>();
  private flows: Flow[] = [];
  private disposed = false;
  private readonly context: WorkContext;

  constructor(
    private readonly instanceId: string,
    private readonly user: SignedIn,
  ) {
    this.cancelButton = this.labels.button('cockpit.instance.cancel', () => void this.cancel(), {
      'data-action': 'cancel-instance',
      class: 'danger',
    });
    this.context = {
      status: this.status,
      reload: () => this.load(),
      activityName: (id) => (id ? (this.names.get(id) ?? id) : ''),
    };
    this.element = h(
      'div',
      { class: 'cockpit-view cockpit-instance', 'data-instance-id': instanceId },
      h(
        'div',
        { class: 'cockpit-toolbar' },
        this.labels.text(h('h2'), 'cockpit.instance.title', () => ({ id: instanceId })),
        this.labels.button('cockpit.refresh', () => void this.refresh(), {
          'data-action': 'refresh',
        }),
        this.cancelButton,
      ),
      this.status.element,
      this.header,
      this.canvas,
      this.sections,
    );
    void this.load();
  }

  retranslate(): void {
    this.labels.retranslate();
    this.dataLabels.retranslate();
    this.status.retranslate();
  }

  dispose(): void {
    this.disposed = true;
    this.viewer?.destroy();
    this.viewer = null;
  }

  private async refresh(): Promise<void> {
    this.status.clear();
    await this.load();
  }

  private async load(): Promise<void> {
    try {
      const instance = await historicInstance(this.instanceId);
      const running = !instance.endTime;
      const [activities, operations, tasks, jobs, incidents, variables] = await Promise.all([
        activitiesOfInstance(this.instanceId),
        userOperationsOf(this.instanceId),
        running ? openTasksOf(this.instanceId) : [],
        running ? jobsOf(this.instanceId) : [],
        running ? incidentsOf(this.instanceId) : [],
        running ? instanceVariables(this.instanceId) : this.variablesFromHistory(),
      ]);
      if (this.disposed) return;
      await this.showDiagram(instance.processDefinitionId);
      const path = instancePath(activities, this.flows);
      this.viewer?.clear();
      this.viewer?.mark(path.taken, 'taken');
      this.viewer?.mark(path.active, 'active');
      const incidentCounts = new Map<string, number>();
      for (const incident of incidents) {
        if (incident.activityId) {
          incidentCounts.set(
            incident.activityId,
            (incidentCounts.get(incident.activityId) ?? 0) + 1,
          );
        }
      }
      for (const [activityId, count] of incidentCounts) {
        this.viewer?.mark([activityId], 'problem');
        this.viewer?.badge(
          activityId,
          String(count),
          'incident',
          t('cockpit.diagram.incidents', { count }),
        );
      }
      this.element.dataset.activeActivities = path.active.join(' ');
      this.element.dataset.state = instance.state;
      this.dataLabels.reset();
      this.renderHeader(instance);
      this.cancelButton.hidden = !running || !this.mayOperate();
      this.sections.replaceChildren(
        incidentsSection(this.dataLabels, incidents, this.context),
        tasksSection(this.dataLabels, tasks, this.context),
        jobsSection(this.dataLabels, jobs, this.context),
        variablesSection(
          this.dataLabels,
          this.instanceId,
          variables,
          running && this.mayOperate(),
          this.context,
        ),
        timelineSection(this.dataLabels, activities, operations, (id) =>
          this.context.activityName(id),
        ),
      );
      this.element.dataset.loaded = String(Date.now());
    } catch (error) {
      this.status.error(error);
    }
  }

  /** PUT variables, DELETE and job/incident actions are for admins and managers (analysts read). */
  private mayOperate(): boolean {
    return this.user.roles.includes('admin') || this.user.roles.includes('manager');
  }

  private async variablesFromHistory(): Promise<Record<string, VariableValue>> {
    const result: Record<string, VariableValue> = {};
    for (const variable of await historicVariables(this.instanceId)) {
      if (variable.state !== 'DELETED') result[variable.name] = variable;
    }
    return result;
  }

  private async showDiagram(definitionId: string): Promise<void> {
    if (this.shownXmlOf === definitionId) return;
    const [xml, viewer] = await Promise.all([
      processDefinitionXml(definitionId),
      this.viewer ?? newViewer(),
    ]);
    if (this.disposed) return viewer.destroy();
    if (!this.viewer) {
      this.viewer = viewer;
      this.canvas.append(viewer.element);
    }
    await viewer.show(xml);
    this.shownXmlOf = definitionId;
    this.readDiagram(xml);
  }

  /** Activity names (for the lists) and sequence flows (for the path taken) from the XML. */
  private readDiagram(xml: string): void {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    this.names = new Map();
    for (const element of doc.querySelectorAll('[id]')) {
      if (element.namespaceURI !== BPMN_NS) continue;
      const id = element.getAttribute('id') ?? '';
      this.names.set(id, element.getAttribute('name') || id);
    }
    this.flows = [...doc.getElementsByTagNameNS(BPMN_NS, 'sequenceFlow')].map((flow) => ({
      id: flow.getAttribute('id') ?? '',
      sourceRef: flow.getAttribute('sourceRef') ?? '',
      targetRef: flow.getAttribute('targetRef') ?? '',
    }));
  }

  private renderHeader(instance: HistoricInstance): void {
    const labels = this.dataLabels;
    const item = (key: Parameters<Labels['span']>[0], value: Node | string, field: string) =>
      h('div', { 'data-field': field }, h('dt', {}, labels.span(key)), h('dd', {}, value));
    this.header.replaceChildren(
      h(
        'dl',
        { class: 'cockpit-facts' },
        item(
          'cockpit.instances.process',
          h(
            'a',
            {
              href: cockpitHash({ view: 'definition', definitionId: instance.processDefinitionId }),
            },
            `${instance.processDefinitionName ?? instance.processDefinitionKey} v${instance.processDefinitionVersion}`,
          ),
          'process',
        ),
        item('cockpit.instances.businessKey', instance.businessKey ?? '—', 'businessKey'),
        item('cockpit.instances.state', stateLabel(labels, instance.state), 'state'),
        item('cockpit.instances.started', labels.date(instance.startTime), 'started'),
        item('cockpit.instances.ended', labels.date(instance.endTime), 'ended'),
        item('cockpit.instances.startedBy', instance.startUserId ?? '—', 'startedBy'),
      ),
    );
  }

  private async cancel(): Promise<void> {
    if (!confirm(t('cockpit.instance.confirmCancel', { id: this.instanceId }))) return;
    try {
      await cancelInstance(
        this.instanceId,
        t('cockpit.instance.cancelReason', { user: this.user.userId }),
      );
      await this.load();
      this.status.show('success', 'cockpit.instance.canceled');
    } catch (error) {
      this.status.error(error);
    }
  }
}

/** The viewer module (and bpmn-js behind it) loads only when a diagram is shown. */
async function newViewer(): Promise<DiagramViewer> {
  const { createDiagramViewer } = await import('../diagram/diagram-viewer.js');
  return createDiagramViewer();
}
