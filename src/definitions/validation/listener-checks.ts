import type { BpmnProblem } from './bpmn-validation-error.js';
import { type ModdleElement, extensionElements, stringProperty } from './moddle-element.js';

const LISTENERS = [
  { type: 'camunda:ExecutionListener', name: 'camunda:executionListener' },
  { type: 'camunda:TaskListener', name: 'camunda:taskListener' },
];

/**
 * Execution and task listeners (Java classes, delegate expressions, scripts) have nothing to run
 * them here. Camunda runs them, so deploying a diagram with one and ignoring it would change what
 * the process does without a word; it is refused, naming the element and the listener's event.
 */
export function checkListeners(elements: readonly ModdleElement[]): BpmnProblem[] {
  return elements.flatMap((element) =>
    LISTENERS.flatMap(({ type, name }) =>
      extensionElements(element, type).map((listener) => ({
        elementId: element.id,
        message:
          `${name} (event "${stringProperty(listener, 'event') ?? 'none'}") is not supported: ` +
          'Conveyor runs no listeners; model the work as a script task or an external task',
      })),
    ),
  );
}
