import { ApiError } from '../api/client.js';
import { processDefinitionXml } from '../api/definitions.js';
import {
  claimTask,
  definitionsById,
  formVariables,
  getTask,
  processInstances,
  submitForm,
  unclaimTask,
  type Task,
} from '../api/tasks.js';
import { h } from '../app/dom.js';
import { t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/ru.js';
import { CommentsView } from './comments-view.js';
import { formFieldsOf } from '../forms/form-xml.js';
import { errorText, formatDateTime, label, relabel } from './labels.js';
import { TaskDiagramView } from './task-diagram-view.js';
import { FormView } from '../forms/form-view.js';
import { isOverdue } from './task-query.js';

export interface TaskDetailEvents {
  /** The task was claimed, unclaimed or completed: the list should reload. */
  changed(): void;
  completed(taskName: string): void;
  back(): void;
}

/**
 * One task: what it is, who has it (claim / unclaim), its form, comments and diagram. The form is
 * built once per task; claiming or a poll's refresh only updates the header and enables the form.
 */
export class TaskDetailView {
  readonly element: HTMLElement;
  private readonly title = h('h2', { class: 'task-title' });
  private readonly meta = h('dl', { class: 'task-meta' });
  private readonly assignment = h('p', { class: 'task-assignment' });
  private readonly actions = h('div', { class: 'task-actions' });
  private readonly status = h('p', { class: 'task-status', role: 'status' });
  private readonly body = h('div', { class: 'task-body' });
  private task: Task | null = null;
  private process = '';
  private businessKey = '';
  private form: FormView | null = null;
  private comments: CommentsView | null = null;
  private diagram: TaskDiagramView | null = null;
  private gone = false;

  constructor(
    readonly taskId: string,
    private readonly userId: string,
    private readonly events: TaskDetailEvents,
  ) {
    this.element = h(
      'section',
      { class: 'tasklist-detail', 'data-task-id': taskId },
      label('button', 'tasklist.back', {
        type: 'button',
        class: 'tasklist-back',
        'data-action': 'back',
        onclick: () => events.back(),
      }),
      h('header', { class: 'task-header' }, this.title, this.meta, this.assignment, this.actions),
      this.status,
      this.body,
    );
    void this.load();
  }

  /** Re-reads the task (the poll): a new assignee shows, the form keeps what was typed. */
  async refresh(): Promise<void> {
    if (!this.task || this.gone) return;
    try {
      this.task = await getTask(this.taskId);
      this.renderHeader();
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) this.markGone();
    }
  }

  isDirty(): boolean {
    return (this.form?.isDirty() ?? false) || (this.comments?.isDirty() ?? false);
  }

  retranslate(): void {
    relabel(this.element);
    this.renderHeader();
    this.comments?.retranslate();
  }

  dispose(): void {
    this.diagram?.dispose();
  }

  private async load(): Promise<void> {
    this.setStatus('', 'tasklist.loading');
    try {
      const task = await getTask(this.taskId);
      this.task = task;
      const [values, xml, definitions, instances] = await Promise.all([
        formVariables(task.id),
        processDefinitionXml(task.processDefinitionId),
        definitionsById([task.processDefinitionId]),
        processInstances([task.processInstanceId]),
      ]);
      const definition = definitions[0];
      this.process = definition?.name ?? definition?.key ?? task.processDefinitionId;
      this.businessKey = instances[0]?.businessKey ?? '';
      this.form = new FormView(
        formFieldsOf(xml, task.taskDefinitionKey),
        values,
        (variables) => this.complete(variables),
        {
          title: 'tasklist.form.title',
          submit: 'tasklist.form.complete',
          action: 'complete',
          name: 'task',
        },
      );
      this.comments = new CommentsView(task.id);
      this.diagram = new TaskDiagramView();
      this.body.replaceChildren(this.form.element, this.comments.element, this.diagram.element);
      this.clearStatus();
      this.renderHeader();
      await this.diagram.show(xml, task.taskDefinitionKey);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) this.markGone();
      else this.setStatus('error', undefined, errorText(error));
    }
  }

  private async complete(variables: Parameters<typeof submitForm>[1]): Promise<void> {
    await submitForm(this.taskId, variables);
    this.events.completed(this.task?.name ?? this.taskId);
  }

  private async claimOrUnclaim(action: 'claim' | 'unclaim'): Promise<void> {
    this.clearStatus();
    try {
      if (action === 'claim') await claimTask(this.taskId, this.userId);
      else await unclaimTask(this.taskId);
      this.task = await getTask(this.taskId);
      this.renderHeader();
      this.setStatus('success', action === 'claim' ? 'tasklist.claimed' : 'tasklist.unclaimed');
      this.events.changed();
    } catch (error) {
      // The server's own words: "task is already claimed by someone else", "may not unclaim…".
      this.setStatus(
        'error',
        undefined,
        error instanceof ApiError ? error.message : errorText(error),
      );
    }
  }

  private renderHeader(): void {
    const task = this.task;
    if (!task) return;
    this.title.textContent = task.name ?? task.taskDefinitionKey;
    const entry = (key: MessageKey, value: string, attributes: Record<string, string> = {}) =>
      value ? [h('dt', {}, t(key)), h('dd', attributes, value)] : [];
    this.meta.replaceChildren(
      ...entry('tasklist.detail.process', this.process),
      ...entry('tasklist.detail.businessKey', this.businessKey, { 'data-meta': 'businessKey' }),
      ...entry('tasklist.detail.created', formatDateTime(task.created)),
      ...entry('tasklist.detail.due', formatDateTime(task.due), {
        'data-overdue': String(isOverdue(task.due, new Date())),
      }),
      ...entry('tasklist.detail.followUp', formatDateTime(task.followUp)),
      ...entry('tasklist.detail.priority', String(task.priority)),
    );
    const mine = task.assignee === this.userId;
    this.element.dataset.assignee = task.assignee ?? '';
    this.assignment.textContent = !task.assignee
      ? t('tasklist.detail.unassigned')
      : mine
        ? t('tasklist.detail.assignee', { assignee: task.assignee })
        : t('tasklist.detail.assignedToOther', { assignee: task.assignee });
    // Someone else's task still offers "claim": the server refuses and its message is shown.
    const button = mine
      ? label('button', 'tasklist.unclaim', {
          type: 'button',
          'data-action': 'unclaim',
          onclick: () => void this.claimOrUnclaim('unclaim'),
        })
      : label('button', 'tasklist.claim', {
          type: 'button',
          class: 'primary',
          'data-action': 'claim',
          onclick: () => void this.claimOrUnclaim('claim'),
        });
    if (!this.gone) this.actions.replaceChildren(button);
    this.form?.setEnabled(
      mine && !this.gone,
      mine || this.gone ? undefined : 'tasklist.form.claimFirst',
    );
  }

  private markGone(): void {
    this.gone = true;
    this.actions.replaceChildren();
    this.form?.setEnabled(false);
    this.setStatus('error', 'tasklist.taskGone');
  }

  private setStatus(kind: string, key?: MessageKey, text = ''): void {
    this.status.dataset.kind = kind;
    if (key) {
      this.status.dataset.i18n = key;
      this.status.textContent = t(key);
    } else {
      this.status.removeAttribute('data-i18n');
      this.status.textContent = text;
    }
  }

  private clearStatus(): void {
    this.setStatus('', undefined, '');
  }
}
