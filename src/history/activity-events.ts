import type { ActivityEvent } from '../engine/engine-session.js';

/** A history_activity_instance row this unit of work creates, possibly already closed. */
export interface NewActivityRow {
  activityId: string;
  activityName: string | null;
  activityType: string;
  executionId: string;
  startTime: Date;
  endTime: Date | null;
  canceled: boolean;
  /**
   * A row for an element whose start was never recorded (a boundary event that fired): it is only
   * written when the earlier closing found no open row and no row exists for its execution.
   */
  fallback: boolean;
}

/** Open rows of earlier units of work to close, by execution id. */
export interface ActivityClosing {
  executionId: string;
  endTime: Date;
  canceled: boolean;
}

export interface FoldedActivities {
  closings: ActivityClosing[];
  rows: NewActivityRow[];
}

/**
 * Turns a unit of work's activity events into one closing per earlier row and the new rows in event
 * order, so history costs at most an UPDATE and an INSERT per unit of work instead of a statement per
 * event. An activity that starts and ends within the unit of work is inserted closed. Execution ids
 * are unique per activity run (bpmn-elements), so a start never reopens an earlier unit's row.
 */
export function foldActivityEvents(events: ActivityEvent[]): FoldedActivities {
  const rows: NewActivityRow[] = [];
  const started = new Map<string, NewActivityRow>();
  const closings = new Map<string, ActivityClosing>();
  const fallbacks = new Set<string>();
  for (const e of events) {
    if (e.event === 'start') {
      const row = newRow(e, false);
      rows.push(row);
      started.set(e.executionId, row);
      continue;
    }
    const own = started.get(e.executionId);
    if (own) {
      if (own.endTime === null) close(own, e);
      continue;
    }
    // The first end or leave closes the earlier row; a later one finds it closed, as it would in SQL.
    if (!closings.has(e.executionId)) {
      closings.set(e.executionId, {
        executionId: e.executionId,
        endTime: e.at,
        canceled: e.event === 'leave',
      });
    }
    if (e.event === 'end' && !fallbacks.has(e.executionId)) {
      fallbacks.add(e.executionId);
      rows.push(close(newRow(e, true), e));
    }
  }
  return { closings: [...closings.values()], rows };
}

function newRow(e: ActivityEvent, fallback: boolean): NewActivityRow {
  return {
    activityId: e.activityId,
    activityName: e.activityName,
    activityType: camundaType(e.activityType),
    executionId: e.executionId,
    startTime: e.at,
    endTime: null,
    canceled: false,
    fallback,
  };
}

function close(row: NewActivityRow, e: ActivityEvent): NewActivityRow {
  row.endTime = e.at;
  row.canceled = row.fallback ? false : e.event === 'leave';
  return row;
}

/** Camunda's activityType names: `userTask`, `startEvent`, … */
export function camundaType(bpmnType: string): string {
  if (!bpmnType.startsWith('bpmn:')) return bpmnType;
  const name = bpmnType.replace(/^bpmn:/, '');
  return name.charAt(0).toLowerCase() + name.slice(1);
}
