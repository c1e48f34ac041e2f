import type { BpmnProblem } from './bpmn-validation-error.js';
import {
  type ModdleElement,
  booleanProperty,
  elementProperty,
  elementsProperty,
  is,
  stringProperty,
} from './moddle-element.js';

/**
 * Events our adapter correlates by name: a message is matched on its `name` (Camunda's
 * correlation key), a signal on its `name`, so catching either needs a referenced, named
 * definition. Error and escalation start events belong in event sub-processes only.
 */
export function checkEvents(elements: readonly ModdleElement[]): BpmnProblem[] {
  return elements.flatMap((element) =>
    eventProblems(element).map((message) => ({ elementId: element.id, message })),
  );
}

const EVENT_SUB_PROCESS_START_TYPES: Record<string, string> = {
  'bpmn:ErrorEventDefinition': 'an error',
  'bpmn:EscalationEventDefinition': 'an escalation',
};

function eventProblems(element: ModdleElement): string[] {
  const problems: string[] = [];
  const catches = isCatching(element);
  for (const definition of elementsProperty(element, 'eventDefinitions')) {
    if (is(definition, 'bpmn:MessageEventDefinition') && catches) {
      problems.push(...namedReference(definition, 'messageRef', 'message'));
    }
    if (is(definition, 'bpmn:SignalEventDefinition')) {
      problems.push(...namedReference(definition, 'signalRef', 'signal'));
    }
    const eventSubProcessOnly = EVENT_SUB_PROCESS_START_TYPES[definition.$type];
    if (eventSubProcessOnly && is(element, 'bpmn:StartEvent') && !inEventSubProcess(element)) {
      problems.push(`${eventSubProcessOnly} start event is allowed only in an event sub-process`);
    }
  }
  // A receive task without a message waits for an explicit trigger, which is fine.
  if (is(element, 'bpmn:ReceiveTask') && element.messageRef !== undefined) {
    problems.push(...namedReference(element, 'messageRef', 'message'));
  }
  return problems;
}

function isCatching(element: ModdleElement): boolean {
  return ['bpmn:StartEvent', 'bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent'].includes(
    element.$type,
  );
}

function inEventSubProcess(element: ModdleElement): boolean {
  const parent = element.$parent;
  return (
    parent !== undefined &&
    is(parent, 'bpmn:SubProcess') &&
    booleanProperty(parent, 'triggeredByEvent') === true
  );
}

function namedReference(owner: ModdleElement, key: string, noun: string): string[] {
  const referenced = elementProperty(owner, key);
  if (!referenced) return [`the ${noun} event has no ${key}`];
  if (!stringProperty(referenced, 'name')?.trim())
    return [`${noun} "${referenced.id ?? '?'}" has no name`];
  return [];
}
