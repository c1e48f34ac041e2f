import type {
  ActivityStatistics,
  DefinitionStatistics,
  DefinitionVersion,
  HistoricActivity,
} from '../api/cockpit-types.js';
import { parseApiDate } from './cockpit-format.js';

/** One process on the dashboard: its versions (newest first) and the counts of each. */
export interface ProcessRow {
  key: string;
  name: string;
  versions: DefinitionVersion[];
}

export interface Counts {
  instances: number;
  incidents: number;
}

/** Every deployed process once, its versions newest first; sorted by name. */
export function processRows(definitions: readonly DefinitionVersion[]): ProcessRow[] {
  const byKey = new Map<string, DefinitionVersion[]>();
  for (const definition of definitions) {
    const versions = byKey.get(definition.key) ?? [];
    versions.push(definition);
    byKey.set(definition.key, versions);
  }
  return [...byKey.entries()]
    .map(([key, versions]) => {
      versions.sort((a, b) => b.version - a.version);
      return { key, name: versions[0].name ?? key, versions };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}

export function incidentTotal(statistics: Pick<ActivityStatistics, 'incidents'>): number {
  return statistics.incidents.reduce((sum, incident) => sum + incident.incidentCount, 0);
}

/** Counts per definition id; a definition the statistics leave out has none (see the API's note). */
export function countsByDefinition(
  statistics: readonly DefinitionStatistics[],
): Map<string, Counts> {
  return new Map(
    statistics.map((entry) => [
      entry.id,
      { instances: entry.instances, incidents: incidentTotal(entry) },
    ]),
  );
}

/** The counts of one version, or of all versions of a row together (`definitionId` null). */
export function countsOf(
  row: ProcessRow,
  definitionId: string | null,
  counts: ReadonlyMap<string, Counts>,
): Counts {
  const ids = definitionId ? [definitionId] : row.versions.map((version) => version.id);
  return ids.reduce<Counts>(
    (sum, id) => {
      const own = counts.get(id);
      return own
        ? { instances: sum.instances + own.instances, incidents: sum.incidents + own.incidents }
        : sum;
    },
    { instances: 0, incidents: 0 },
  );
}

export interface Badge {
  elementId: string;
  text: string;
  kind: 'count' | 'incident';
}

/** Diagram badges: how many instances wait at each activity (count), and its incidents. */
export function activityBadges(statistics: readonly ActivityStatistics[]): Badge[] {
  const badges: Badge[] = [];
  for (const activity of statistics) {
    if (activity.instances > 0) {
      badges.push({ elementId: activity.id, text: String(activity.instances), kind: 'count' });
    }
    const incidents = incidentTotal(activity);
    if (incidents > 0) {
      badges.push({ elementId: activity.id, text: String(incidents), kind: 'incident' });
    }
  }
  return badges;
}

/** Average time spent per activity: finished ones by their duration, running ones until `now`. */
export function averageDurations(
  activities: readonly Pick<
    HistoricActivity,
    'activityId' | 'startTime' | 'endTime' | 'durationInMillis'
  >[],
  now: Date,
): Map<string, number> {
  const totals = new Map<string, { sum: number; count: number }>();
  for (const activity of activities) {
    let duration = activity.durationInMillis;
    if (duration === null && !activity.endTime) {
      const start = parseApiDate(activity.startTime);
      duration = start ? Math.max(0, now.getTime() - start.getTime()) : null;
    }
    if (duration === null) continue;
    const total = totals.get(activity.activityId) ?? { sum: 0, count: 0 };
    total.sum += duration;
    total.count += 1;
    totals.set(activity.activityId, total);
  }
  return new Map([...totals].map(([id, { sum, count }]) => [id, sum / count]));
}

/** Durations scaled to 0..1 by the longest, for viewer.heat(); nothing when no time was spent. */
export function heatOf(durations: ReadonlyMap<string, number>): Record<string, number> {
  const longest = Math.max(0, ...durations.values());
  if (longest <= 0) return {};
  const heat: Record<string, number> = {};
  for (const [id, duration] of durations) heat[id] = duration / longest;
  return heat;
}
