import { type BpmnProblem, messageOf } from './bpmn-validation-error.js';
import {
  type ModdleElement,
  elementProperty,
  elementsProperty,
  expressionBody,
  extensionElements,
  is,
  stringProperty,
} from './moddle-element.js';

/** camunda:* attributes of user tasks that may hold an expression. */
const USER_TASK_EXPRESSION_ATTRIBUTES = [
  'assignee',
  'candidateUsers',
  'candidateGroups',
  'dueDate',
  'followUpDate',
  'priority',
] as const;

/** JUEL `${…}` / `#{…}` anywhere, or FEEL when the text starts with `=`. */
export function looksLikeExpression(text: string): boolean {
  return text.includes('${') || text.includes('#{') || text.trimStart().startsWith('=');
}

/**
 * Hands every expression of the executable processes to `checkExpression` (a syntax check that
 * throws) and reports what it throws, by element id. Timer expressions are checked with the
 * timers. Without a callback only empty conditions are reported.
 */
export function checkExpressions(
  elements: readonly ModdleElement[],
  checkExpression: ((text: string) => void) | undefined,
): BpmnProblem[] {
  const problems: BpmnProblem[] = [];
  for (const element of elements) {
    const condition = elementProperty(element, 'conditionExpression');
    if (condition && !expressionBody(condition)?.trim()) {
      problems.push({ elementId: element.id, message: 'the condition is empty' });
    }
    if (!checkExpression) continue;
    for (const { where, text } of expressionsOf(element)) {
      try {
        checkExpression(text);
      } catch (error) {
        problems.push({
          elementId: element.id,
          message: `invalid expression in ${where} "${text}": ${messageOf(error)}`,
        });
      }
    }
  }
  return problems;
}

interface FoundExpression {
  where: string;
  text: string;
}

function expressionsOf(element: ModdleElement): FoundExpression[] {
  const found: FoundExpression[] = [];
  const add = (where: string, text: string | undefined, always = false): void => {
    if (text?.trim() && (always || looksLikeExpression(text))) found.push({ where, text });
  };
  const condition = elementProperty(element, 'conditionExpression');
  // A condition with a language is a script, run by the script sandbox rather than parsed here.
  if (condition && !stringProperty(condition, 'language'))
    add('conditionExpression', expressionBody(condition), true);
  if (is(element, 'bpmn:UserTask')) {
    for (const attribute of USER_TASK_EXPRESSION_ATTRIBUTES)
      add(`camunda:${attribute}`, stringProperty(element, attribute));
  }
  const loop = elementProperty(element, 'loopCharacteristics');
  if (loop) {
    add('loopCardinality', expressionBody(elementProperty(loop, 'loopCardinality')));
    add('completionCondition', expressionBody(elementProperty(loop, 'completionCondition')), true);
    add('camunda:collection', stringProperty(loop, 'collection'));
  }
  if (is(element, 'bpmn:CallActivity')) {
    add('calledElement', stringProperty(element, 'calledElement'));
    for (const mapping of [
      ...extensionElements(element, 'camunda:In'),
      ...extensionElements(element, 'camunda:Out'),
    ]) {
      const direction = is(mapping, 'camunda:In') ? 'in' : 'out';
      add(
        `camunda:${direction} sourceExpression`,
        stringProperty(mapping, 'sourceExpression'),
        true,
      );
    }
  }
  for (const io of extensionElements(element, 'camunda:InputOutput')) {
    const parameters = [
      ...elementsProperty(io, 'inputParameters'),
      ...elementsProperty(io, 'outputParameters'),
    ];
    for (const parameter of parameters) {
      add(
        `parameter "${stringProperty(parameter, 'name') ?? ''}"`,
        stringProperty(parameter, 'value'),
      );
    }
  }
  return found;
}
