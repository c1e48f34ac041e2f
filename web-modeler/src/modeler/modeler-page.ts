import type Modeler from 'bpmn-js/lib/Modeler';
import type CommandStack from 'diagram-js/lib/command/CommandStack';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import type { Point } from 'diagram-js/lib/util/Types';
import type { SignedIn } from '../api/auth.js';
import { ApiError } from '../api/client.js';
import { deployDiagram, listProcessDefinitions, processDefinitionXml } from '../api/definitions.js';
import { h } from '../app/dom.js';
import type { Page } from '../app/page.js';
import { t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/ru.js';
import { createModeler } from './create-modeler.js';
import { pickDefinition } from './definition-picker.js';
import { downloadBpmnFile, pickBpmnFile } from './diagram-files.js';
import { newDiagramXml } from './new-diagram.js';
import { ProblemMarkers } from './problem-markers.js';
import { deploymentProblems, type DiagramProblem } from './validation-problems.js';

type Action = 'new' | 'open' | 'import' | 'export' | 'undo' | 'redo' | 'deploy';

const ACTIONS: readonly { action: Action; label: MessageKey; primary?: boolean }[] = [
  { action: 'new', label: 'modeler.new' },
  { action: 'open', label: 'modeler.open' },
  { action: 'import', label: 'modeler.import' },
  { action: 'export', label: 'modeler.export' },
  { action: 'undo', label: 'modeler.undo' },
  { action: 'redo', label: 'modeler.redo' },
  { action: 'deploy', label: 'modeler.deploy', primary: true },
];

/** The analysts' screen: draw or open a diagram, edit its Camunda properties, deploy it. */
export function createModelerPage(_user: SignedIn): Page {
  return new ModelerPage();
}

class ModelerPage implements Page {
  readonly element: HTMLElement;
  private readonly modeler: Modeler;
  private readonly markers: ProblemMarkers;
  private readonly buttons = new Map<Action, HTMLButtonElement>();
  private readonly status = h('span', { class: 'modeler-status', role: 'status' });
  private readonly problemList = h('ul', { class: 'problem-list' });
  private dirty = false;

  constructor() {
    for (const { action, label, primary } of ACTIONS) {
      const button = h('button', {
        type: 'button',
        'data-action': action,
        class: primary ? 'primary' : undefined,
        onclick: () => void this.run(action),
      });
      button.textContent = t(label);
      this.buttons.set(action, button);
    }
    const canvas = h('div', { class: 'modeler-canvas' });
    const properties = h('aside', { class: 'modeler-properties' });
    this.element = h(
      'section',
      { class: 'page modeler-page' },
      h('div', { class: 'modeler-toolbar' }, ...this.buttons.values(), this.status),
      this.problemList,
      h('div', { class: 'modeler-body' }, canvas, properties),
    );
    this.modeler = createModeler(canvas, properties);
    this.markers = new ProblemMarkers(this.modeler);
    this.modeler.on('commandStack.changed', () => {
      this.dirty = true;
    });
    void this.open(newDiagramXml());
  }

  retranslate(): void {
    for (const { action, label } of ACTIONS) {
      const button = this.buttons.get(action);
      if (button) button.textContent = t(label);
    }
    // bpmn-js's translate reads the language on every call: the palette rebuilds on
    // i18n.changed, the properties panel on a selection change (so re-select what was selected).
    this.modeler.get<EventBus>('eventBus').fire('i18n.changed');
    const selection = this.modeler.get<Selection>('selection');
    const selected = selection.get();
    selection.select(null);
    selection.select(selected);
  }

  hasUnsavedChanges(): boolean {
    return this.dirty;
  }

  dispose(): void {
    this.modeler.destroy();
  }

  private async run(action: Action): Promise<void> {
    const commandStack = this.modeler.get<CommandStack>('commandStack');
    try {
      switch (action) {
        case 'new':
          if (this.confirmDiscard()) await this.open(newDiagramXml());
          break;
        case 'open':
          await this.openDeployed();
          break;
        case 'import': {
          const xml = this.confirmDiscard() ? await pickBpmnFile() : null;
          if (xml !== null) await this.open(xml);
          break;
        }
        case 'export':
          downloadBpmnFile(`${this.processId()}.bpmn`, await this.xml());
          break;
        case 'undo':
          commandStack.undo();
          break;
        case 'redo':
          commandStack.redo();
          break;
        case 'deploy':
          await this.deploy();
          break;
      }
    } catch (error) {
      this.showStatus(error instanceof Error ? error.message : String(error), 'error');
    }
  }

  private async openDeployed(): Promise<void> {
    if (!this.confirmDiscard()) return;
    const id = await pickDefinition(await listProcessDefinitions());
    if (id) await this.open(await processDefinitionXml(id));
  }

  private async open(xml: string): Promise<void> {
    this.markers.clear();
    this.showProblems([]);
    try {
      await this.modeler.importXML(xml);
      // Centered: diagram-js documents `zoom('fit-viewport', 'auto')`; its types only allow a Point.
      this.modeler.get<Canvas>('canvas').zoom('fit-viewport', 'auto' as unknown as Point);
      this.dirty = false;
      this.showStatus('', 'info');
    } catch (error) {
      this.showStatus(
        `${t('modeler.importFailed')}: ${error instanceof Error ? error.message : ''}`,
        'error',
      );
    }
  }

  private async deploy(): Promise<void> {
    this.markers.clear();
    this.showProblems([]);
    const processId = this.processId();
    try {
      const result = await deployDiagram(this.processName(), `${processId}.bpmn`, await this.xml());
      const deployed = Object.values(result.deployedProcessDefinitions ?? {})[0];
      this.dirty = false;
      this.showStatus(
        deployed
          ? t('modeler.deployed', {
              name: deployed.name ?? deployed.key,
              version: deployed.version,
            })
          : t('modeler.deployedNothing'),
        'success',
      );
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 400) throw error;
      const registry = this.modeler.get<{ get(id: string): unknown }>('elementRegistry');
      const problems = deploymentProblems(error.message, error.details, (id) => !!registry.get(id));
      this.markers.show(problems);
      this.showProblems(problems);
      this.showStatus(t('modeler.invalid'), 'error');
    }
  }

  private showProblems(problems: readonly DiagramProblem[]): void {
    this.problemList.replaceChildren(
      ...problems.map((problem) => {
        const item = h(
          'li',
          {},
          problem.elementId ? `${problem.elementId}: ` : '',
          problem.message,
        );
        if (problem.elementId) {
          const elementId = problem.elementId;
          item.dataset.elementId = elementId;
          item.addEventListener('click', () => this.markers.reveal(elementId));
        }
        return item;
      }),
    );
  }

  private showStatus(text: string, kind: 'info' | 'success' | 'error'): void {
    this.status.textContent = text;
    this.status.dataset.kind = kind;
  }

  private confirmDiscard(): boolean {
    return !this.dirty || confirm(t('app.unsaved'));
  }

  private async xml(): Promise<string> {
    const { xml } = await this.modeler.saveXML({ format: true });
    return xml ?? '';
  }

  private rootProcess(): { id?: string; name?: string } {
    const root = this.modeler.get<Canvas>('canvas').getRootElement() as {
      businessObject?: { id?: string; name?: string };
    };
    return root.businessObject ?? {};
  }

  private processId(): string {
    return this.rootProcess().id ?? 'diagram';
  }

  private processName(): string {
    const process = this.rootProcess();
    return process.name ?? process.id ?? 'diagram';
  }
}
