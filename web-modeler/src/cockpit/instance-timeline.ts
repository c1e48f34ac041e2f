import type { HistoricActivity, UserOperation } from '../api/history.js';
import { h } from '../app/dom.js';
import { t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/ru.js';
import type { Labels } from './cockpit-ui.js';
import { section } from './instance-work.js';
import { timeline, type TimelineEntry } from './instance-path.js';

const WHAT: Record<'started' | 'completed' | 'canceled', MessageKey> = {
  started: 'cockpit.timeline.started',
  completed: 'cockpit.timeline.completed',
  canceled: 'cockpit.timeline.canceled',
};

/** The instance's history: activities started and ended, and who did what (user operations). */
export function timelineSection(
  labels: Labels,
  activities: HistoricActivity[],
  operations: UserOperation[],
  activityName: (id: string) => string,
): HTMLElement {
  const entries = timeline(activities, operations);
  return section(labels, 'cockpit.instance.timeline', 'timeline', entries.length, () =>
    h(
      'ol',
      { class: 'cockpit-timeline' },
      ...entries.map((entry) =>
        h(
          'li',
          { 'data-kind': entry.kind },
          labels.date(entry.time),
          ' ',
          describe(labels, entry, activityName),
        ),
      ),
    ),
  );
}

function describe(
  labels: Labels,
  entry: TimelineEntry,
  activityName: (id: string) => string,
): HTMLElement {
  const element = h('span', { class: 'cockpit-timeline-text' });
  if (entry.kind === 'activity') {
    element.dataset.activityId = entry.activityId;
    const name = entry.activityName ?? activityName(entry.activityId);
    labels.on(() => {
      const text = t(WHAT[entry.what], { activity: name });
      element.textContent =
        entry.assignee && entry.what !== 'started'
          ? `${text} — ${t('cockpit.timeline.by', { user: entry.assignee })}`
          : text;
    });
    return element;
  }
  element.dataset.operation = entry.operationType;
  labels.on(() => {
    const changes = entry.changes
      .filter((change) => change.property !== 'delete')
      .map((change) => `${change.property}: ${change.orgValue ?? '∅'} → ${change.newValue ?? '∅'}`)
      .join('; ');
    const text = t('cockpit.timeline.operation', {
      user: entry.userId ?? t('cockpit.timeline.system'),
      operation: entry.operationType,
      entity: entry.entityType,
    });
    element.textContent = changes ? `${text} (${changes})` : text;
  });
  return element;
}
