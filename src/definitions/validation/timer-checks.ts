import {
  isTimerExpression,
  parseTimerDefinition,
  type TimerKind,
} from '../../engine/timers/timer-definition.js';
import { TimerDefinitionError } from '../../engine/timers/timer-definition-error.js';
import { type BpmnProblem, messageOf } from './bpmn-validation-error.js';
import {
  type ModdleElement,
  elementProperty,
  elementsProperty,
  expressionBody,
  is,
} from './moddle-element.js';

const TIMER_KINDS: readonly TimerKind[] = ['timeDuration', 'timeDate', 'timeCycle'];

/** The one timer value of a timerEventDefinition, as written in the diagram. */
export interface TimerText {
  kind: TimerKind;
  text: string;
}

/** The timer of an event, or the problem that makes it unschedulable. */
export function readTimer(definition: ModdleElement): TimerText | { problem: string } {
  const present = TIMER_KINDS.filter((kind) => elementProperty(definition, kind) !== undefined);
  if (present.length !== 1) {
    return {
      problem: `a timer needs exactly one of timeDuration, timeDate or timeCycle (found ${present.length})`,
    };
  }
  const [kind] = present as [TimerKind];
  const text = expressionBody(elementProperty(definition, kind))?.trim() ?? '';
  return text === '' ? { problem: `the timer's ${kind} is empty` } : { kind, text };
}

/**
 * Every timerEventDefinition must hold one parsable timer. Expressions cannot be parsed until
 * run time; their syntax goes to `checkExpression` instead (when given).
 */
export function checkTimers(
  elements: readonly ModdleElement[],
  checkExpression: ((text: string) => void) | undefined,
): BpmnProblem[] {
  const problems: BpmnProblem[] = [];
  for (const element of elements) {
    for (const definition of elementsProperty(element, 'eventDefinitions')) {
      if (!is(definition, 'bpmn:TimerEventDefinition')) continue;
      const problem = timerProblem(readTimer(definition), checkExpression);
      if (problem) problems.push({ elementId: element.id, message: problem });
    }
  }
  return problems;
}

function timerProblem(
  timer: TimerText | { problem: string },
  checkExpression: ((text: string) => void) | undefined,
): string | undefined {
  if ('problem' in timer) return timer.problem;
  try {
    if (!isTimerExpression(timer.text)) parseTimerDefinition(timer.kind, timer.text);
    else checkExpression?.(timer.text);
    return undefined;
  } catch (error) {
    if (error instanceof TimerDefinitionError) return error.message;
    return `invalid ${timer.kind} expression "${timer.text}": ${messageOf(error)}`;
  }
}
