import type { HistoricActivity, UserOperation } from '../api/cockpit-types.js';

/** A sequence flow of the diagram, as its source and target element ids. */
export interface Flow {
  id: string;
  sourceRef: string;
  targetRef: string;
}

export interface InstancePath {
  /** Activities the instance waits at now. */
  active: string[];
  /** Activities it finished, and the flows between visited elements. */
  taken: string[];
}

/** Where an instance is (unfinished activity instances) and where it has been (finished ones). */
export function instancePath(
  activities: readonly Pick<HistoricActivity, 'activityId' | 'endTime'>[],
  flows: readonly Flow[],
): InstancePath {
  const active = new Set<string>();
  const finished = new Set<string>();
  for (const activity of activities) {
    (activity.endTime ? finished : active).add(activity.activityId);
  }
  const visited = new Set([...active, ...finished]);
  const takenFlows = flows
    .filter((flow) => finished.has(flow.sourceRef) && visited.has(flow.targetRef))
    .map((flow) => flow.id);
  return { active: [...active], taken: [...finished, ...takenFlows] };
}

export type TimelineEntry =
  | {
      kind: 'activity';
      time: string;
      what: 'started' | 'completed' | 'canceled';
      activityId: string;
      activityName: string | null;
      activityType: string;
      assignee: string | null;
    }
  | {
      kind: 'operation';
      time: string;
      operationType: string;
      entityType: string;
      userId: string | null;
      changes: { property: string; orgValue: string | null; newValue: string | null }[];
    };

/**
 * The history of an instance in time order: each activity's start and end, and each user
 * operation (the log has one row per changed property; rows of one operation become one entry).
 */
export function timeline(
  activities: readonly HistoricActivity[],
  operations: readonly UserOperation[],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const activity of activities) {
    const base = {
      kind: 'activity' as const,
      activityId: activity.activityId,
      activityName: activity.activityName,
      activityType: activity.activityType,
      assignee: activity.assignee,
    };
    if (activity.startTime) entries.push({ ...base, time: activity.startTime, what: 'started' });
    if (activity.endTime) {
      const what = activity.canceled ? 'canceled' : 'completed';
      entries.push({ ...base, time: activity.endTime, what });
    }
  }
  const byOperation = new Map<string, Extract<TimelineEntry, { kind: 'operation' }>>();
  for (const operation of operations) {
    let entry = byOperation.get(operation.operationId);
    if (!entry) {
      entry = {
        kind: 'operation',
        time: operation.timestamp,
        operationType: operation.operationType,
        entityType: operation.entityType,
        userId: operation.userId,
        changes: [],
      };
      byOperation.set(operation.operationId, entry);
      entries.push(entry);
    }
    if (operation.property) {
      entry.changes.push({
        property: operation.property,
        orgValue: operation.orgValue,
        newValue: operation.newValue,
      });
    }
  }
  // A stable sort on the instant keeps an activity's start before its end at the same millisecond.
  return entries
    .map((entry, index) => ({ entry, index, at: instant(entry.time) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ entry }) => entry);
}

function instant(text: string): number {
  const time = new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).getTime();
  return Number.isNaN(time) ? 0 : time;
}
