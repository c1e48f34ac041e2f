import {
  countTasks,
  definitionsById,
  processInstances,
  queryTasks,
  type DefinitionRef,
  type Task,
} from '../api/tasks.js';
import { h } from '../app/dom.js';
import { t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/ru.js';
import { errorText, formatDateTime, label } from './labels.js';
import { TaskFiltersView } from './task-filters-view.js';
import {
  INITIAL_STATE,
  isOverdue,
  pageCount,
  toTaskQuery,
  type TaskListState,
} from './task-query.js';

/** A task with what the row shows besides the TaskDto: its process and business key. */
interface TaskRow {
  task: Task;
  process: string;
  businessKey: string;
}

/**
 * The task list: toolbar, rows, paging. A reload (the toolbar, paging, or the page's poll) keeps
 * the selected row and re-renders only when something changed, so a poll never moves the focus.
 */
export class TaskListView {
  readonly element: HTMLElement;
  private state: TaskListState = { ...INITIAL_STATE };
  private readonly rows = h('ul', { class: 'task-rows', 'aria-live': 'polite' });
  private readonly status = h('p', { class: 'tasklist-list-status' });
  private readonly pageText = h('span', { class: 'tasklist-page-text' });
  private readonly previous = label('button', 'tasklist.previous', {
    type: 'button',
    'data-action': 'previous-page',
    onclick: () => this.goToPage(this.state.page - 1),
  });
  private readonly next = label('button', 'tasklist.next', {
    type: 'button',
    'data-action': 'next-page',
    onclick: () => this.goToPage(this.state.page + 1),
  });
  private readonly definitions = new Map<string, DefinitionRef>();
  private readonly businessKeys = new Map<string, string | null>();
  private shown: TaskRow[] = [];
  private count = 0;
  private rendered = '';
  private selectedId: string | null = null;
  private generation = 0;

  constructor(
    private readonly userId: string,
    private readonly onSelect: (taskId: string) => void,
  ) {
    const filters = new TaskFiltersView(this.state, (state) => {
      this.state = state;
      void this.reload();
    });
    const header = h(
      'div',
      { class: 'task-row task-row-header', 'aria-hidden': 'true' },
      label('span', 'tasklist.column.name'),
      label('span', 'tasklist.column.process'),
      label('span', 'tasklist.column.businessKey'),
      label('span', 'tasklist.column.assignee'),
      label('span', 'tasklist.column.due'),
      label('span', 'tasklist.column.priority'),
    );
    this.element = h(
      'section',
      { class: 'tasklist-list' },
      filters.element,
      header,
      this.rows,
      this.status,
      h('div', { class: 'tasklist-paging' }, this.previous, this.pageText, this.next),
    );
  }

  /** Loads the current page; `quiet` (the poll) shows no loading text and keeps old rows on error. */
  async reload(quiet = false): Promise<void> {
    const generation = ++this.generation;
    if (!quiet) this.status.textContent = t('tasklist.loading');
    try {
      const query = toTaskQuery(this.state, this.userId, new Date());
      const [count, tasks] = await Promise.all([
        countTasks(query.body),
        queryTasks(query.body, query.firstResult, query.maxResults),
      ]);
      const rows = await this.enrich(tasks);
      if (generation !== this.generation) return; // a newer reload overtook this one
      this.count = count;
      if (tasks.length === 0 && count > 0 && this.state.page > 0) {
        this.state = { ...this.state, page: pageCount(count, this.state.pageSize) - 1 };
        return this.reload(quiet);
      }
      this.shown = rows;
      this.status.textContent = rows.length === 0 ? t('tasklist.empty') : '';
      this.status.dataset.kind = '';
      this.render();
    } catch (error) {
      if (generation !== this.generation) return;
      this.status.textContent = errorText(error);
      this.status.dataset.kind = 'error';
    }
  }

  /** Highlights the open task's row (or none). */
  select(taskId: string | null): void {
    this.selectedId = taskId;
    for (const row of this.rows.children) {
      const element = row as HTMLElement;
      element.setAttribute('aria-current', String(element.dataset.taskId === taskId));
    }
  }

  retranslate(): void {
    this.rendered = '';
    this.render();
    if (this.shown.length === 0 && this.status.dataset.kind !== 'error') {
      this.status.textContent = t('tasklist.empty');
    }
  }

  private goToPage(page: number): void {
    this.state = { ...this.state, page };
    void this.reload();
  }

  /** Adds process names and business keys, fetching only those not seen before. */
  private async enrich(tasks: Task[]): Promise<TaskRow[]> {
    const missingDefinitions = unique(tasks.map((task) => task.processDefinitionId)).filter(
      (id) => !this.definitions.has(id),
    );
    const missingInstances = unique(tasks.map((task) => task.processInstanceId)).filter(
      (id) => !this.businessKeys.has(id),
    );
    const [definitions, instances] = await Promise.all([
      definitionsById(missingDefinitions),
      processInstances(missingInstances),
    ]);
    for (const definition of definitions) this.definitions.set(definition.id, definition);
    for (const id of missingInstances) this.businessKeys.set(id, null);
    for (const instance of instances) this.businessKeys.set(instance.id, instance.businessKey);
    return tasks.map((task) => {
      const definition = this.definitions.get(task.processDefinitionId);
      return {
        task,
        process: definition?.name ?? definition?.key ?? task.processDefinitionId,
        businessKey: this.businessKeys.get(task.processInstanceId) ?? '',
      };
    });
  }

  private render(): void {
    const pages = pageCount(this.count, this.state.pageSize);
    this.pageText.textContent = t('tasklist.page', {
      page: this.state.page + 1,
      pages,
      count: this.count,
    });
    this.previous.disabled = this.state.page === 0;
    this.next.disabled = this.state.page + 1 >= pages;
    const signature = JSON.stringify(this.shown);
    if (signature === this.rendered) return;
    this.rendered = signature;
    const now = new Date();
    this.rows.replaceChildren(...this.shown.map((row) => this.rowElement(row, now)));
    this.select(this.selectedId);
  }

  private rowElement({ task, process, businessKey }: TaskRow, now: Date): HTMLElement {
    const overdue = isOverdue(task.due, now);
    const cell = (column: string, text: string, key?: MessageKey) =>
      h('span', { 'data-column': column, 'data-label': key ? t(key) : '' }, text);
    const item = h(
      'li',
      {
        class: 'task-row',
        tabindex: '0',
        role: 'button',
        'data-task-id': task.id,
        'data-overdue': String(overdue),
        onclick: () => this.onSelect(task.id),
        onkeydown: (event) => {
          const key = (event as KeyboardEvent).key;
          if (key === 'Enter' || key === ' ') {
            event.preventDefault();
            this.onSelect(task.id);
          }
        },
      },
      cell('name', task.name ?? task.taskDefinitionKey),
      cell('process', process, 'tasklist.column.process'),
      cell('businessKey', businessKey, 'tasklist.column.businessKey'),
      cell('assignee', task.assignee ?? t('tasklist.unassigned'), 'tasklist.column.assignee'),
      cell('due', task.due ? formatDateTime(task.due) : t('tasklist.noDue'), 'tasklist.column.due'),
      cell('priority', String(task.priority), 'tasklist.column.priority'),
    );
    if (!task.assignee) item.querySelector('[data-column=assignee]')?.classList.add('muted');
    return item;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
