import type { StoredVariable } from '../common/variables/index.js';
import type { SourceContext } from './source-context.js';

interface StartEventLike {
  id: string;
  type: string;
  behaviour?: { eventDefinitions?: unknown[]; initiator?: string };
}

/**
 * The start event of process `processKey` that a start runs: the message, signal or timer start
 * event `startEventId`, or without one the none start event (a REST start, a start form).
 */
export function chosenStartEvent(
  source: SourceContext,
  processKey: string,
  startEventId?: string,
): StartEventLike | undefined {
  // The process's own activities only: the start events of its sub-processes are not its starts.
  return (source.getActivities(processKey) as StartEventLike[]).find(
    (activity) =>
      activity.type === 'bpmn:StartEvent' &&
      (startEventId === undefined
        ? !activity.behaviour?.eventDefinitions?.length
        : activity.id === startEventId),
  );
}

/**
 * `camunda:initiator="starter"` on the start event: the process variable `starter` holds the id of
 * the user who started the instance, for `camunda:assignee="${starter}"` and the like. As in
 * Camunda it is set even when nobody is signed in (a timer start): then it is null.
 */
export function initiatorVariable(
  start: StartEventLike | undefined,
  startUserId: string | null,
): [string, StoredVariable] | null {
  const name = start?.behaviour?.initiator;
  if (!name) return null;
  return [
    name,
    startUserId === null ? { type: 'Null', value: null } : { type: 'String', value: startUserId },
  ];
}
