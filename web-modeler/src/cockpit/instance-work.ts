import type { CockpitTask } from '../api/cockpit-tasks.js';
import { executeJob, retryIncident, type Incident, type Job } from '../api/jobs.js';
import { h } from '../app/dom.js';
import type { MessageKey } from '../i18n/ru.js';
import { Labels, type StatusLine } from './cockpit-ui.js';

/** What the instance's work sections act through: the status line and a reload afterwards. */
export interface WorkContext {
  status: StatusLine;
  reload(): Promise<void>;
  /** An activity's name from the diagram (its id when it has none). */
  activityName(activityId: string | null | undefined): string;
}

/** Open user tasks with their assignee and due date. */
export function tasksSection(labels: Labels, tasks: CockpitTask[], ctx: WorkContext): HTMLElement {
  return section(labels, 'cockpit.instance.tasks', 'tasks', tasks.length, () =>
    labels.table(
      ['cockpit.task.name', 'cockpit.task.assignee', 'cockpit.task.created', 'cockpit.task.due'],
      tasks.map((task) => [
        h(
          'span',
          { 'data-task-id': task.id },
          task.name ?? ctx.activityName(task.taskDefinitionKey),
        ),
        task.assignee ?? labels.span('cockpit.task.unassigned'),
        labels.date(task.created),
        labels.date(task.due),
      ]),
      { 'data-table': 'tasks' },
    ),
  );
}

/** Pending jobs (timers first) with their due dates, each runnable now. */
export function jobsSection(labels: Labels, jobs: Job[], ctx: WorkContext): HTMLElement {
  const sorted = [...jobs].sort((a, b) => Number(!isTimer(b)) - Number(!isTimer(a)));
  return section(labels, 'cockpit.instance.timers', 'jobs', jobs.length, () =>
    labels.table(
      [
        'cockpit.job.activity',
        'cockpit.job.type',
        'cockpit.job.due',
        'cockpit.job.retries',
        'cockpit.job.actions',
      ],
      sorted.map((job) => [
        h('span', { 'data-job-id': job.id }, ctx.activityName(job.activityId)),
        labels.span(isTimer(job) ? 'cockpit.job.timer' : 'cockpit.job.other'),
        labels.date(job.dueDate),
        String(job.retries),
        labels.button(
          'cockpit.job.runNow',
          () => void act(ctx, 'cockpit.job.ran', () => executeJob(job.id)),
          { 'data-action': 'run-job', 'data-job-id': job.id },
        ),
      ]),
      { 'data-table': 'jobs' },
    ),
  );
}

/** Incidents with their message, each retried by giving its job or external task a retry. */
export function incidentsSection(
  labels: Labels,
  incidents: Incident[],
  ctx: WorkContext,
): HTMLElement {
  return section(labels, 'cockpit.instance.incidents', 'incidents', incidents.length, () =>
    labels.table(
      [
        'cockpit.incident.activity',
        'cockpit.incident.type',
        'cockpit.incident.message',
        'cockpit.incident.time',
        'cockpit.incident.actions',
      ],
      incidents.map((incident) => [
        h('span', { 'data-incident-id': incident.id }, ctx.activityName(incident.activityId)),
        labels.span(
          incident.incidentType === 'failedExternalTask'
            ? 'cockpit.incident.externalTask'
            : 'cockpit.incident.job',
        ),
        h('span', { class: 'cockpit-incident-message' }, incident.incidentMessage ?? ''),
        labels.date(incident.incidentTimestamp),
        labels.button(
          'cockpit.incident.retry',
          () => void act(ctx, 'cockpit.incident.retried', () => retryIncident(incident)),
          { 'data-action': 'retry', 'data-incident-id': incident.id },
        ),
      ]),
      { 'data-table': 'incidents', class: 'cockpit-table cockpit-table-incidents' },
    ),
  );
}

/** A titled section with its count; "none" instead of an empty table. */
export function section(
  labels: Labels,
  title: MessageKey,
  name: string,
  count: number,
  content: () => HTMLElement,
): HTMLElement {
  const heading = labels.text(h('h3'), title, () => ({ count }));
  return h(
    'section',
    { class: 'cockpit-section', 'data-section': name },
    heading,
    count > 0 ? content() : labels.text(h('p', { class: 'cockpit-none' }), 'cockpit.none'),
  );
}

function isTimer(job: Job): boolean {
  return job.type === 'timer' || job.type === 'timer-start';
}

async function act(ctx: WorkContext, done: MessageKey, action: () => Promise<void>) {
  try {
    await action();
    await ctx.reload();
    ctx.status.show('success', done);
  } catch (error) {
    ctx.status.error(error);
  }
}
