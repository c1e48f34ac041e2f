import type { BpmnProblem } from './bpmn-validation-error.js';
import {
  type ModdleElement,
  booleanProperty,
  elementProperty,
  elementsProperty,
  is,
} from './moddle-element.js';

/**
 * What Conveyor can execute: bpmn-engine's behaviours plus our adapter (external tasks, user
 * tasks, persisted timers, message/signal subscriptions, call activities across definitions).
 * Anything else inside an executable process is refused by id rather than silently ignored.
 * Service, send and business rule tasks are further restricted in task-implementation-checks.
 */
export const SUPPORTED_ELEMENT_TYPES: readonly string[] = [
  'bpmn:SubProcess', // embedded and event sub-processes
  'bpmn:CallActivity',
  'bpmn:Task',
  'bpmn:UserTask',
  'bpmn:ManualTask',
  'bpmn:ServiceTask',
  'bpmn:SendTask',
  'bpmn:ReceiveTask',
  'bpmn:ScriptTask',
  'bpmn:BusinessRuleTask',
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:IntermediateCatchEvent',
  'bpmn:IntermediateThrowEvent',
  'bpmn:BoundaryEvent',
  'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:InclusiveGateway',
  'bpmn:EventBasedGateway',
  'bpmn:SequenceFlow',
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
  'bpmn:TextAnnotation',
  'bpmn:Association',
  'bpmn:Group',
];

/**
 * Event definitions bpmn-engine runs and our adapter persists. Escalation and link stay inside
 * one instance (no adapter work); escalations do not cross call activities.
 */
export const SUPPORTED_EVENT_DEFINITIONS: readonly string[] = [
  'bpmn:MessageEventDefinition',
  'bpmn:TimerEventDefinition',
  'bpmn:ErrorEventDefinition',
  'bpmn:SignalEventDefinition',
  'bpmn:TerminateEventDefinition',
  'bpmn:EscalationEventDefinition',
  'bpmn:LinkEventDefinition',
];

/** Why the notable unsupported types are refused (anything unlisted gets a generic message). */
const UNSUPPORTED_REASONS: Record<string, string> = {
  'bpmn:ComplexGateway': 'complex gateways are not supported',
  'bpmn:Transaction': 'transaction sub-processes (and cancel events) are not supported',
  'bpmn:AdHocSubProcess': 'ad-hoc sub-processes are not supported',
  'bpmn:ConditionalEventDefinition':
    'conditional events are not supported (Camunda re-evaluates them on every variable change; we do not)',
  'bpmn:CompensateEventDefinition': 'compensation is not supported',
  'bpmn:CancelEventDefinition': 'cancel events (transactions) are not supported',
  'bpmn:StandardLoopCharacteristics':
    'standard loops are not supported (Camunda 7 neither); use multi-instance',
};

/** Refuses unsupported element types, event definitions, loops and compensation handlers. */
export function checkSupportedElements(elements: readonly ModdleElement[]): BpmnProblem[] {
  const problems: BpmnProblem[] = [];
  for (const element of elements) {
    const id = element.id;
    if (!SUPPORTED_ELEMENT_TYPES.includes(element.$type)) {
      problems.push({ elementId: id, message: unsupported(element.$type) });
      continue;
    }
    // bpmn-elements runs them, but their start events never get a message or timer subscription
    // here: refused rather than deployed to never fire.
    if (is(element, 'bpmn:SubProcess') && booleanProperty(element, 'triggeredByEvent')) {
      problems.push({
        elementId: id,
        message:
          'event sub-processes are not supported; use a boundary event on an embedded sub-process',
      });
    }
    if (is(element, 'bpmn:Activity') && booleanProperty(element, 'isForCompensation')) {
      problems.push({ elementId: id, message: 'compensation handlers are not supported' });
    }
    const loop = elementProperty(element, 'loopCharacteristics');
    if (loop && loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
      problems.push({ elementId: id, message: unsupported(loop.$type) });
    }
    for (const definition of elementsProperty(element, 'eventDefinitions')) {
      if (!SUPPORTED_EVENT_DEFINITIONS.includes(definition.$type)) {
        problems.push({ elementId: id, message: unsupported(definition.$type) });
      }
    }
  }
  return problems;
}

function unsupported(type: string): string {
  return UNSUPPORTED_REASONS[type] ?? `${type.replace(/^bpmn:/, '')} elements are not supported`;
}
