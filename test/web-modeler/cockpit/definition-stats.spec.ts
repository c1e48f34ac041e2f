import type { DefinitionVersion } from '../../../web-modeler/src/api/cockpit-types.js';
import {
  activityBadges,
  averageDurations,
  countsByDefinition,
  countsOf,
  heatOf,
  processRows,
} from '../../../web-modeler/src/cockpit/definition-stats.js';

const definition = (
  key: string,
  version: number,
  name: string | null = null,
): DefinitionVersion => ({
  id: `${key}:${version}:x`,
  key,
  name,
  version,
});

describe('the dashboard rows', () => {
  it('lists each process once, its versions newest first, sorted by name', () => {
    // given versions in any order
    const rows = processRows([
      definition('order', 1, 'Заказ'),
      definition('lead', 1, 'Лид'),
      definition('order', 3, 'Заказ'),
      definition('order', 2, 'Заказ'),
    ]);
    // then
    expect(rows.map((row) => row.key)).toEqual(['order', 'lead']);
    expect(rows[0].versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(rows[0].name).toBe('Заказ');
  });

  it('counts one version or all versions; a definition without statistics counts zero', () => {
    // given statistics of two versions of three (incidents of several types add up)
    const [row] = processRows([
      definition('order', 1),
      definition('order', 2),
      definition('order', 3),
    ]);
    const counts = countsByDefinition([
      {
        id: 'order:3:x',
        instances: 4,
        failedJobs: 0,
        incidents: [{ incidentType: 'failedJob', incidentCount: 1 }],
        definition: definition('order', 3),
      },
      {
        id: 'order:1:x',
        instances: 2,
        failedJobs: 0,
        incidents: [
          { incidentType: 'failedJob', incidentCount: 2 },
          { incidentType: 'failedExternalTask', incidentCount: 3 },
        ],
        definition: definition('order', 1),
      },
    ]);
    // then
    expect(countsOf(row, 'order:3:x', counts)).toEqual({ instances: 4, incidents: 1 });
    expect(countsOf(row, 'order:2:x', counts)).toEqual({ instances: 0, incidents: 0 });
    expect(countsOf(row, null, counts)).toEqual({ instances: 6, incidents: 6 });
  });
});

describe('activity statistics → badges', () => {
  it('gives a count badge where instances wait and an incident badge where incidents are', () => {
    const badges = activityBadges([
      { id: 'Review', instances: 3, failedJobs: 0, incidents: [] },
      {
        id: 'Ship',
        instances: 1,
        failedJobs: 0,
        incidents: [{ incidentType: 'failedExternalTask', incidentCount: 1 }],
      },
      { id: 'Idle', instances: 0, failedJobs: 0, incidents: [] },
    ]);
    expect(badges).toEqual([
      { elementId: 'Review', text: '3', kind: 'count' },
      { elementId: 'Ship', text: '1', kind: 'count' },
      { elementId: 'Ship', text: '1', kind: 'incident' },
    ]);
  });
});

describe('durations → heat', () => {
  const now = new Date('2026-11-22T12:00:00.000Z');

  it('averages finished activities and counts running ones until now', () => {
    const durations = averageDurations(
      [
        {
          activityId: 'Review',
          startTime: '2026-11-22T09:00:00.000+0000',
          endTime: '2026-11-22T10:00:00.000+0000',
          durationInMillis: 3_600_000,
        },
        {
          activityId: 'Review',
          startTime: '2026-11-22T09:00:00.000+0000',
          endTime: '2026-11-22T12:00:00.000+0000',
          durationInMillis: 10_800_000,
        },
        // running for two hours
        {
          activityId: 'Wait',
          startTime: '2026-11-22T10:00:00.000+0000',
          endTime: null,
          durationInMillis: null,
        },
        {
          activityId: 'Start',
          startTime: '2026-11-22T09:00:00.000+0000',
          endTime: '2026-11-22T09:00:00.000+0000',
          durationInMillis: 0,
        },
      ],
      now,
    );
    expect(Object.fromEntries(durations)).toEqual({ Review: 7_200_000, Wait: 7_200_000, Start: 0 });
  });

  it('scales to 0..1 by the longest average', () => {
    const heat = heatOf(
      new Map([
        ['Review', 7_200_000],
        ['Wait', 1_800_000],
        ['Start', 0],
      ]),
    );
    expect(heat).toEqual({ Review: 1, Wait: 0.25, Start: 0 });
  });

  it('has no heat when no time was spent anywhere', () => {
    expect(heatOf(new Map([['Start', 0]]))).toEqual({});
    expect(heatOf(new Map())).toEqual({});
  });
});
