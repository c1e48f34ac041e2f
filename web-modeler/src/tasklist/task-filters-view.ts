import { latestDefinitions } from '../api/tasks.js';
import { h } from '../app/dom.js';
import { t } from '../i18n/i18n.js';
import { label, option } from './labels.js';
import type {
  DueFilter,
  FollowUpFilter,
  TaskListState,
  TaskSortKey,
  TaskView,
} from './task-query.js';

const VIEWS: readonly TaskView[] = ['mine', 'groups', 'all'];

/**
 * The list's toolbar: the three views as tabs, filters (applied at once) and the searches
 * (applied with the search button or Enter, so typing does not fire a query per key).
 */
export class TaskFiltersView {
  readonly element: HTMLElement;
  private readonly tabs: HTMLButtonElement[];
  private readonly process = h(
    'select',
    { name: 'process' },
    option('', 'tasklist.filter.anyProcess'),
  );
  private readonly due = h(
    'select',
    { name: 'due' },
    option('any', 'tasklist.filter.dueAny'),
    option('today', 'tasklist.filter.dueToday'),
    option('overdue', 'tasklist.filter.overdue'),
  );
  private readonly followUp = h(
    'select',
    { name: 'followUp' },
    option('any', 'tasklist.filter.followUpAny'),
    option('reached', 'tasklist.filter.followUpReached'),
    option('hideLater', 'tasklist.filter.followUpHideLater'),
  );
  private readonly businessKey = searchInput('businessKey', 'tasklist.search.businessKey');
  private readonly variableName = searchInput('variableName', 'tasklist.search.variable');
  private readonly variableOperator = h(
    'select',
    { name: 'variableOperator' },
    option('eq', 'tasklist.search.eq'),
    option('like', 'tasklist.search.like'),
  );
  private readonly variableValue = searchInput('variableValue', 'tasklist.search.value');
  private readonly sortBy = h(
    'select',
    { name: 'sortBy' },
    option('dueDate', 'tasklist.sort.dueDate'),
    option('priority', 'tasklist.sort.priority'),
    option('created', 'tasklist.sort.created'),
    option('name', 'tasklist.sort.name'),
  );
  private readonly sortOrder = h(
    'select',
    { name: 'sortOrder' },
    option('asc', 'tasklist.sort.asc'),
    option('desc', 'tasklist.sort.desc'),
  );

  constructor(
    private state: TaskListState,
    private readonly onChange: (state: TaskListState) => void,
  ) {
    this.tabs = VIEWS.map((view) =>
      label('button', `tasklist.view.${view}`, {
        type: 'button',
        role: 'tab',
        'data-view': view,
        onclick: () => this.change({ view }),
      }),
    );
    const apply = () => this.change(this.searches());
    for (const select of [this.process, this.due, this.followUp, this.sortBy, this.sortOrder]) {
      select.addEventListener('change', () => this.change(this.selects()));
    }
    const reset = label('button', 'tasklist.search.reset', {
      type: 'button',
      'data-action': 'reset-search',
      onclick: () => {
        for (const input of [this.businessKey, this.variableName, this.variableValue]) {
          input.value = '';
        }
        apply();
      },
    });
    this.element = h(
      'div',
      { class: 'tasklist-toolbar' },
      h('div', { class: 'tasklist-views', role: 'tablist' }, ...this.tabs),
      h(
        'div',
        { class: 'tasklist-filters' },
        field('tasklist.filter.process', this.process),
        field('tasklist.filter.due', this.due),
        field('tasklist.filter.followUp', this.followUp),
        field('tasklist.sort', this.sortBy, this.sortOrder),
      ),
      h(
        'form',
        {
          class: 'tasklist-search',
          onsubmit: (event) => {
            event.preventDefault();
            apply();
          },
        },
        this.businessKey,
        h('span', { class: 'tasklist-variable-search' }, this.variableName, this.variableOperator),
        this.variableValue,
        label('button', 'tasklist.search.apply', { type: 'submit', 'data-action': 'search' }),
        reset,
      ),
    );
    this.show();
    void this.loadProcesses();
  }

  private change(patch: Partial<TaskListState>): void {
    this.state = { ...this.state, ...patch, page: 0 };
    this.show();
    this.onChange(this.state);
  }

  private selects(): Partial<TaskListState> {
    return {
      processKey: this.process.value,
      due: this.due.value as DueFilter,
      followUp: this.followUp.value as FollowUpFilter,
      sortBy: this.sortBy.value as TaskSortKey,
      sortOrder: this.sortOrder.value as 'asc' | 'desc',
    };
  }

  private searches(): Partial<TaskListState> {
    return {
      businessKey: this.businessKey.value,
      variableName: this.variableName.value,
      variableOperator: this.variableOperator.value as 'eq' | 'like',
      variableValue: this.variableValue.value,
    };
  }

  private show(): void {
    for (const tab of this.tabs) {
      tab.setAttribute('aria-selected', String(tab.dataset.view === this.state.view));
    }
  }

  /** The process filter lists the newest version of each deployed process. */
  private async loadProcesses(): Promise<void> {
    try {
      const definitions = await latestDefinitions();
      for (const definition of definitions) {
        this.process.append(
          h('option', { value: definition.key }, definition.name ?? definition.key),
        );
      }
    } catch {
      // Without the list the filter offers "all processes" only; the list itself still works.
    }
  }
}

function field(key: Parameters<typeof label>[1], ...controls: HTMLElement[]): HTMLElement {
  return h('label', { class: 'tasklist-filter' }, label('span', key), ...controls);
}

function searchInput(name: string, placeholder: Parameters<typeof label>[1]): HTMLInputElement {
  const input = h('input', {
    name,
    type: 'search',
    'data-i18n-placeholder': placeholder,
  });
  input.placeholder = t(placeholder);
  return input;
}
