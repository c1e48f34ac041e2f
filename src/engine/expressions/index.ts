import { ExpressionError } from './expression-error.js';
import { toResolver, type ExpressionScope } from './expression-scope.js';
import { assertFeelSyntax, evaluateFeel, isFeelExpression } from './feel-expression.js';
import { describeValue } from './juel-coercion.js';
import { evaluateTemplate } from './juel-evaluator.js';
import { assertNoForbiddenMembers } from './juel-forbidden-members.js';
import { parseTemplate } from './juel-template.js';

/**
 * Conveyor's expression language for BPMN diagrams, without eval/new Function/vm:
 * - JUEL (Camunda 7): `${…}` or `#{…}`, alone (typed result) or inside text (string result);
 * - FEEL (Camunda 8): a text starting with `=`, evaluated by feelin;
 * - anything else is plain text and returned unchanged.
 *
 * Scope: a Resolver, or a record whose own properties are the names. Both work for FEEL too: with a
 * resolver, the names the FEEL expression mentions are resolved one by one.
 */

export { ExpressionError } from './expression-error.js';
export type { ExpressionScope, Resolver } from './expression-scope.js';

const NOT_A_BOOLEAN = 'Unable to evaluate condition: result is not a boolean';

export function isExpression(text: string): boolean {
  return text.includes('${') || text.includes('#{') || isFeelExpression(text);
}

/** Evaluates an expression, a template or FEEL; plain text comes back unchanged. */
export function evaluateExpression(text: string, scope: ExpressionScope): unknown {
  if (isFeelExpression(text)) return evaluateFeel(text, scope).value;
  if (!isExpression(text)) return text;
  return evaluateTemplate(parseTemplate(text), toResolver(scope));
}

/**
 * Evaluates a sequence-flow condition (text trimmed, as Camunda reads `conditionExpression`).
 * Anything but a boolean result is an error, as in Camunda; a FEEL null carries feelin's warnings.
 */
export function evaluateCondition(text: string, scope: ExpressionScope): boolean {
  const expression = text.trim();
  let value: unknown;
  let warnings: readonly string[] = [];
  if (isFeelExpression(expression)) {
    ({ value, warnings } = evaluateFeel(expression, scope));
  } else {
    value = evaluateExpression(expression, scope);
  }
  if (typeof value === 'boolean') return value;
  const because = warnings.length > 0 ? `; ${warnings.join('; ')}` : '';
  throw new ExpressionError(
    `${NOT_A_BOOLEAN} (${expression} gave ${describeValue(value)}${because})`,
    expression,
  );
}

/** Throws an ExpressionError when the text does not parse; evaluates nothing (deployment check). */
export function assertExpressionSyntax(text: string): void {
  if (isFeelExpression(text)) {
    assertFeelSyntax(text);
  } else if (isExpression(text)) {
    assertNoForbiddenMembers(parseTemplate(text));
  }
}
