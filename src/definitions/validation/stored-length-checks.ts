import type { BpmnProblem } from './bpmn-validation-error.js';
import { type ModdleElement, elementsProperty, is, stringProperty } from './moddle-element.js';

/**
 * Diagram values that end up in bounded columns (see the runtime migration). Longer ones are
 * refused at deployment instead of failing the first start with a database error:
 * - element ids become execution and definition ids (varchar 255 with a suffix of ~50 characters);
 * - names, topics, form keys, message and signal names, version tags, the target namespace and
 *   the initiator's variable name fill varchar(255);
 * - literal assignees, candidate users and groups fill varchar(64).
 */
export const MAX_ELEMENT_ID_LENGTH = 200;
const MAX_TEXT_LENGTH = 255;
const MAX_IDENTITY_LENGTH = 64;

const TEXT_ATTRIBUTES = ['name', 'topic', 'formKey', 'versionTag', 'initiator'];

/** Problems for every value longer than its column; `elements` are processes and flow elements. */
export function checkStoredLengths(
  definitions: ModdleElement,
  elements: readonly ModdleElement[],
): BpmnProblem[] {
  const problems: BpmnProblem[] = [];
  const check = (element: ModdleElement, what: string, value: string | undefined, max: number) => {
    if (value !== undefined && value.length > max) {
      problems.push({
        elementId: element.id?.slice(0, 64),
        message: `${what} has ${value.length} characters; at most ${max} are allowed`,
      });
    }
  };
  check(
    definitions,
    'targetNamespace',
    stringProperty(definitions, 'targetNamespace'),
    MAX_TEXT_LENGTH,
  );
  for (const root of elementsProperty(definitions, 'rootElements')) {
    if (is(root, 'bpmn:Message') || is(root, 'bpmn:Signal') || is(root, 'bpmn:Error')) {
      check(root, 'the name', stringProperty(root, 'name'), MAX_TEXT_LENGTH);
      check(root, 'the error code', stringProperty(root, 'errorCode'), MAX_TEXT_LENGTH);
    }
  }
  for (const element of elements) {
    check(element, 'the id', element.id, MAX_ELEMENT_ID_LENGTH);
    for (const attribute of TEXT_ATTRIBUTES) {
      check(element, attribute, stringProperty(element, attribute), MAX_TEXT_LENGTH);
    }
    if (!is(element, 'bpmn:UserTask')) continue;
    check(
      element,
      'camunda:assignee',
      literal(stringProperty(element, 'assignee')),
      MAX_IDENTITY_LENGTH,
    );
    for (const attribute of ['candidateUsers', 'candidateGroups']) {
      for (const id of literalList(stringProperty(element, attribute))) {
        check(element, `an entry of camunda:${attribute}`, id, MAX_IDENTITY_LENGTH);
      }
    }
  }
  return problems;
}

/** An expression is only known at run time; a literal is what gets stored. */
function literal(value: string | undefined): string | undefined {
  return value !== undefined && !isExpressionText(value) ? value : undefined;
}

function literalList(value: string | undefined): string[] {
  if (value === undefined || isExpressionText(value)) return [];
  return value.split(',').map((entry) => entry.trim());
}

function isExpressionText(value: string): boolean {
  return value.includes('${') || value.includes('#{') || value.startsWith('=');
}
