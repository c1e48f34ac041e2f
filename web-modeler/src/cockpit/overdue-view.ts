import { overdueTasks, type CockpitTask } from '../api/cockpit-tasks.js';
import { h } from '../app/dom.js';
import type { MessageKey } from '../i18n/ru.js';
import { camundaDate } from '../api/dates.js';
import { cockpitHash } from './cockpit-routes.js';
import { LoadedView } from './cockpit-ui.js';
import { groupOverdueTasks, type TaskGroup } from './overdue-groups.js';

/** Overdue tasks (due before now) per employee and per candidate group: counts, then the tasks. */
export class OverdueView extends LoadedView {
  constructor() {
    super('cockpit.overdue.title', 'cockpit-overdue');
    void this.load();
  }

  protected async load(): Promise<void> {
    this.status.show('info', 'cockpit.loading');
    try {
      const tasks = await overdueTasks(camundaDate(new Date()));
      const groups = groupOverdueTasks(tasks);
      this.dataLabels.reset();
      this.body.replaceChildren(
        this.groupsSection('cockpit.overdue.byAssignee', 'assignee', groups.byAssignee),
        this.groupsSection('cockpit.overdue.byGroup', 'group', groups.byGroup),
      );
      this.status.show('info', 'cockpit.overdue.total', { count: tasks.length });
    } catch (error) {
      this.status.error(error);
    }
  }

  private groupsSection(title: MessageKey, kind: string, groups: TaskGroup[]): HTMLElement {
    const labels = this.dataLabels;
    const nobody: MessageKey =
      kind === 'assignee' ? 'cockpit.overdue.unassigned' : 'cockpit.overdue.noGroup';
    return h(
      'section',
      { class: 'cockpit-section', 'data-section': `overdue-by-${kind}` },
      labels.text(h('h3'), title),
      groups.length === 0
        ? labels.text(h('p', { class: 'cockpit-none' }), 'cockpit.none')
        : h(
            'div',
            { class: 'cockpit-groups' },
            ...groups.map((group) =>
              h(
                'details',
                { class: 'cockpit-group', [`data-${kind}`]: group.id ?? '' },
                h(
                  'summary',
                  {},
                  group.id === null ? labels.span(nobody) : h('strong', {}, group.id),
                  ' ',
                  h(
                    'span',
                    { class: 'cockpit-count', 'data-count': 'overdue' },
                    String(group.tasks.length),
                  ),
                ),
                this.taskTable(group.tasks),
              ),
            ),
          ),
    );
  }

  private taskTable(tasks: CockpitTask[]): HTMLElement {
    const labels = this.dataLabels;
    return labels.table(
      ['cockpit.task.name', 'cockpit.task.assignee', 'cockpit.task.due', 'cockpit.task.instance'],
      tasks.map((task) => [
        h('span', { 'data-task-id': task.id }, task.name ?? task.taskDefinitionKey),
        task.assignee ?? labels.span('cockpit.task.unassigned'),
        labels.date(task.due),
        h(
          'a',
          {
            href: cockpitHash({ view: 'instance', instanceId: task.processInstanceId }),
            'data-instance-id': task.processInstanceId,
          },
          task.processInstanceId.slice(0, 8),
        ),
      ]),
    );
  }
}
