import type { ActivityEvent } from '../engine/engine-session.js';
import { camundaType, foldActivityEvents } from './activity-events.js';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second));
const event = (
  kind: ActivityEvent['event'],
  executionId: string,
  second: number,
  activityType = 'bpmn:UserTask',
): ActivityEvent => ({
  event: kind,
  activityId: executionId.split('_')[0],
  activityName: null,
  activityType,
  executionId,
  at: at(second),
});

describe('foldActivityEvents', () => {
  it('inserts an activity that starts and ends within the unit of work already closed', () => {
    const { closings, rows } = foldActivityEvents([
      event('start', 'start_1', 0, 'bpmn:StartEvent'),
      event('end', 'start_1', 1, 'bpmn:StartEvent'),
      event('leave', 'start_1', 2, 'bpmn:StartEvent'),
      event('start', 'a_1', 2),
    ]);
    expect(closings).toEqual([]);
    expect(rows.map((r) => [r.executionId, r.activityType, r.endTime, r.canceled])).toEqual([
      ['start_1', 'startEvent', at(1), false],
      ['a_1', 'userTask', null, false],
    ]);
  });

  it('closes an earlier row once, with its first end or leave', () => {
    const { closings, rows } = foldActivityEvents([
      event('leave', 'a_1', 5),
      event('end', 'a_1', 6),
      event('start', 'b_1', 6),
    ]);
    expect(closings).toEqual([{ executionId: 'a_1', endTime: at(5), canceled: true }]);
    // The end also yields a fallback row, written only if no row existed for a_1 at all.
    expect(rows.map((r) => [r.executionId, r.fallback, r.endTime])).toEqual([
      ['a_1', true, at(6)],
      ['b_1', false, null],
    ]);
  });

  it('keeps event order and marks a boundary event that fired as a fallback row', () => {
    const { closings, rows } = foldActivityEvents([
      event('start', 'x_1', 1),
      event('end', 'timer_1', 2, 'bpmn:BoundaryEvent'),
      event('leave', 'task_1', 2),
      event('start', 'y_1', 3),
    ]);
    expect(closings.map((c) => c.executionId)).toEqual(['timer_1', 'task_1']);
    expect(rows.map((r) => [r.executionId, r.fallback, r.canceled])).toEqual([
      ['x_1', false, false],
      ['timer_1', true, false],
      ['y_1', false, false],
    ]);
    expect(rows[1].startTime).toEqual(rows[1].endTime);
  });

  it('ignores a second end of a row it already closed', () => {
    const { rows } = foldActivityEvents([
      event('start', 'a_1', 1),
      event('leave', 'a_1', 2),
      event('end', 'a_1', 3),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ endTime: at(2), canceled: true });
  });

  it('names activity types as Camunda does', () => {
    expect(camundaType('bpmn:ExclusiveGateway')).toBe('exclusiveGateway');
    expect(camundaType('multiInstanceBody')).toBe('multiInstanceBody');
  });
});
