/**
 * Camunda starts an instance at one start event: a REST start at the none start event, a message,
 * signal or timer at its own. bpmn-engine would run every start event of the process (a message
 * start would also run the none start, and leave the other message starts waiting inside the new
 * instance). This extension takes the start events that are not chosen out of the start.
 */
const START_SETTING = 'conveyorStartEventId';

interface StartActivityLike {
  id: string;
  type: string;
  parent?: { type?: string };
  behaviour: { eventDefinitions?: unknown[] };
  environment: { settings: Record<string, unknown> };
}

/** Engine settings for a start at `startEventId` (undefined: the none start events). */
export function startSettings(startEventId: string | undefined): Record<string, unknown> {
  return { [START_SETTING]: startEventId ?? null };
}

export function startEventChoice(activity: StartActivityLike): undefined {
  const settings = activity.environment.settings;
  // Only when starting (a recovered instance has no such setting), only the process's own starts.
  if (!(START_SETTING in settings) || activity.type !== 'bpmn:StartEvent') return undefined;
  if (activity.parent?.type !== 'bpmn:Process') return undefined;
  const chosen = settings[START_SETTING];
  const runs =
    chosen === null ? !activity.behaviour.eventDefinitions?.length : activity.id === chosen;
  if (!runs) Object.defineProperty(activity, 'isStart', { value: false });
  return undefined;
}
