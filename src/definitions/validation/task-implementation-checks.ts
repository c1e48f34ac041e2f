import type { BpmnProblem } from './bpmn-validation-error.js';
import {
  type ModdleElement,
  elementProperty,
  extensionElements,
  is,
  stringProperty,
} from './moddle-element.js';

/**
 * Task implementations Conveyor can run.
 *
 * Service, send and business rule tasks run as Camunda external tasks only
 * (`camunda:type="external"` with a `camunda:topic`): a worker fetches and completes them.
 * Java delegates, expressions and connectors have nothing to run them here. A task with no
 * implementation at all is refused too: bpmn-engine fails it at run time ("service not defined")
 * and Camunda 7 refuses it at deployment, so accepting it would only defer the error.
 *
 * Script tasks run inline JavaScript in a sandbox; other languages and external script resources
 * are refused. Call activities need a called element (CMMN cases are not supported).
 */
export function checkTaskImplementations(elements: readonly ModdleElement[]): BpmnProblem[] {
  return elements.flatMap((element): BpmnProblem[] => {
    const problems = [
      ...(isServiceLike(element) ? serviceProblems(element) : []),
      ...(is(element, 'bpmn:ScriptTask') ? scriptProblems(element) : []),
      ...(is(element, 'bpmn:CallActivity') ? callActivityProblems(element) : []),
      ...conditionLanguageProblems(element),
    ];
    return problems.map((message) => ({ elementId: element.id, message }));
  });
}

/** Script languages bpmn-engine's sandboxed script runner accepts. */
export const SUPPORTED_SCRIPT_FORMATS: readonly string[] = ['javascript', 'js'];

const SERVICE_LIKE = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'];

/** camunda attributes that name an implementation we cannot run. */
const FOREIGN_IMPLEMENTATIONS = ['class', 'delegateExpression', 'expression', 'decisionRef'];

function isServiceLike(element: ModdleElement): boolean {
  return SERVICE_LIKE.includes(element.$type);
}

function serviceProblems(element: ModdleElement): string[] {
  const kind = lowerFirst(element.$type.replace(/^bpmn:/, ''));
  const howTo =
    'Conveyor runs it as an external task: set camunda:type="external" and camunda:topic';
  const foreign = FOREIGN_IMPLEMENTATIONS.filter((attribute) => stringProperty(element, attribute));
  if (extensionElements(element, 'camunda:Connector').length > 0) foreign.push('connector');
  if (foreign.length > 0) {
    return [
      `${kind} implementation camunda:${foreign.join(', camunda:')} is not supported; ${howTo}`,
    ];
  }
  const type = stringProperty(element, 'type');
  if (type === undefined) return [`${kind} has no implementation; ${howTo}`];
  if (type !== 'external') return [`${kind} camunda:type="${type}" is not supported; ${howTo}`];
  if (!stringProperty(element, 'topic')?.trim())
    return [`${kind} has camunda:type="external" but no camunda:topic`];
  return [];
}

function scriptProblems(element: ModdleElement): string[] {
  const format = stringProperty(element, 'scriptFormat')?.trim();
  if (!format) return ['scriptTask has no scriptFormat; use scriptFormat="javascript"'];
  if (!SUPPORTED_SCRIPT_FORMATS.includes(format.toLowerCase())) {
    return [`scriptFormat "${format}" is not supported; only JavaScript scripts run`];
  }
  if (stringProperty(element, 'resource'))
    return ['external script resources (camunda:resource) are not supported'];
  if (!stringProperty(element, 'script')?.trim()) return ['scriptTask has no script'];
  return [];
}

function callActivityProblems(element: ModdleElement): string[] {
  if (stringProperty(element, 'caseRef'))
    return ['calling CMMN cases (camunda:caseRef) is not supported'];
  if (!stringProperty(element, 'calledElement')?.trim())
    return ['callActivity has no calledElement'];
  return [];
}

/** A condition with a `language` attribute is a script: only JavaScript runs. */
function conditionLanguageProblems(element: ModdleElement): string[] {
  const condition = elementProperty(element, 'conditionExpression');
  const language = condition && stringProperty(condition, 'language')?.trim();
  if (!language || SUPPORTED_SCRIPT_FORMATS.includes(language.toLowerCase())) return [];
  return [`condition language "${language}" is not supported; use an expression or JavaScript`];
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
