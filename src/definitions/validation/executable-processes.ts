import type { TimerKind } from '../../engine/timers/timer-definition.js';
import type { BpmnProblem } from './bpmn-validation-error.js';
import {
  type ModdleElement,
  booleanProperty,
  elementProperty,
  elementsProperty,
  is,
  stringProperty,
} from './moddle-element.js';
import { readTimer } from './timer-checks.js';

/** A process start event as the deployment registers it (subscriptions, timer jobs). */
export interface ProcessStartEvent {
  id: string;
  type: 'none' | 'message' | 'timer' | 'signal';
  /** The message's name (what correlation matches on), for message start events. */
  messageName?: string;
  /** The signal's name, for signal start events. */
  signalName?: string;
  /** The timer as written, for timer start events (an expression is evaluated at deployment). */
  timer?: { kind: TimerKind; text: string };
}

/** An executable process of the document: one process definition per deployment. */
export interface ExecutableProcess {
  /** The process key. */
  id: string;
  name?: string;
  documentation?: string;
  isExecutable: true;
  versionTag?: string;
  /** camunda:historyTimeToLive in days ("30" or "P30D"). */
  historyTimeToLive?: number;
  /** camunda:isStartableInTasklist, true unless set to false. */
  startableInTasklist: boolean;
  /** The process-level start events; those of event sub-processes are not starts of the process. */
  startEvents: ProcessStartEvent[];
  /** A process-level start event carries camunda:formKey or camunda:formRef. */
  hasStartFormKey: boolean;
}

/** The processes marked isExecutable="true" (explicitly, as the deployment contract requires). */
export function executableProcessElements(definitions: ModdleElement): ModdleElement[] {
  return elementsProperty(definitions, 'rootElements').filter(
    (element) => is(element, 'bpmn:Process') && booleanProperty(element, 'isExecutable') === true,
  );
}

/** Summarises one executable process; problems are the ones found reading its attributes. */
export function describeProcess(process: ModdleElement): {
  process: ExecutableProcess;
  problems: BpmnProblem[];
} {
  const problems: BpmnProblem[] = [];
  const startEvents = elementsProperty(process, 'flowElements').filter((e) =>
    is(e, 'bpmn:StartEvent'),
  );
  const historyTimeToLive = parseHistoryTimeToLive(stringProperty(process, 'historyTimeToLive'));
  if (historyTimeToLive instanceof Error)
    problems.push({ elementId: process.id, message: historyTimeToLive.message });
  const documentation = elementsProperty(process, 'documentation')
    .map((d) => stringProperty(d, 'text') ?? '')
    .join('\n')
    .trim();
  return {
    process: {
      id: process.id ?? '',
      name: stringProperty(process, 'name'),
      documentation: documentation === '' ? undefined : documentation,
      isExecutable: true,
      versionTag: stringProperty(process, 'versionTag'),
      historyTimeToLive: historyTimeToLive instanceof Error ? undefined : historyTimeToLive,
      startableInTasklist: booleanProperty(process, 'isStartableInTasklist') !== false,
      startEvents: startEvents.map(describeStartEvent),
      hasStartFormKey: startEvents.some(
        (e) => stringProperty(e, 'formKey') || stringProperty(e, 'formRef'),
      ),
    },
    problems,
  };
}

function describeStartEvent(event: ModdleElement): ProcessStartEvent {
  const id = event.id ?? '';
  const [definition] = elementsProperty(event, 'eventDefinitions');
  if (!definition) return { id, type: 'none' };
  if (is(definition, 'bpmn:MessageEventDefinition')) {
    return { id, type: 'message', messageName: referencedName(definition, 'messageRef') };
  }
  if (is(definition, 'bpmn:SignalEventDefinition')) {
    return { id, type: 'signal', signalName: referencedName(definition, 'signalRef') };
  }
  if (is(definition, 'bpmn:TimerEventDefinition')) {
    const timer = readTimer(definition);
    return { id, type: 'timer', timer: 'problem' in timer ? undefined : timer };
  }
  // Other start types never reach a ValidatedBpmn: the event checks refuse them.
  return { id, type: 'none' };
}

function referencedName(definition: ModdleElement, key: string): string | undefined {
  const referenced = elementProperty(definition, key);
  return referenced ? stringProperty(referenced, 'name') : undefined;
}

/** Camunda 7 accepts a number of days or the ISO form `P<days>D`. */
function parseHistoryTimeToLive(text: string | undefined): number | undefined | Error {
  if (text === undefined || text.trim() === '') return undefined;
  const match = /^(?:(\d{1,9})|P(\d{1,9})D)$/i.exec(text.trim());
  if (!match) {
    return new Error(
      `camunda:historyTimeToLive "${text}" must be a number of days, such as 180 or P180D`,
    );
  }
  return Number(match[1] ?? match[2]);
}
