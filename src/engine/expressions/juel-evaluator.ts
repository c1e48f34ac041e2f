import type { Resolver } from './expression-scope.js';
import { EvaluationFailure, ExpressionError } from './expression-error.js';
import type { JuelNode, ParsedTemplate } from './juel-ast.js';
import { toBoolean, toNumber, toText } from './juel-coercion.js';
import { applyBinary, isEmpty } from './juel-operators.js';
import { callFunction, callMethod, readProperty } from './safe-member-access.js';

const FORBIDDEN_IDENTIFIERS = new Set(['constructor', '__proto__', 'prototype']);

/**
 * Evaluates a parsed template. Exactly one `${…}` part and nothing else gives its typed value;
 * anything else gives a string, each expression part contributing its text (see `toText`).
 */
export function evaluateTemplate(template: ParsedTemplate, resolve: Resolver): unknown {
  const evaluator = new JuelEvaluator(template.text, resolve);
  const { parts } = template;
  try {
    if (parts.length === 1 && parts[0].kind === 'expression') {
      return evaluator.evaluate(parts[0].node);
    }
    return parts
      .map((part) => (part.kind === 'text' ? part.text : toText(evaluator.evaluate(part.node))))
      .join('');
  } catch (error) {
    if (error instanceof ExpressionError) throw error;
    const cause = error instanceof Error ? error.message : String(error);
    throw new ExpressionError(
      `Error while evaluating expression: ${template.text}. Cause: ${cause}`,
      template.text,
      undefined,
      { cause: error },
    );
  }
}

class JuelEvaluator {
  constructor(
    private readonly text: string,
    private readonly resolve: Resolver,
  ) {}

  evaluate(node: JuelNode): unknown {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'identifier':
        return this.lookUp(node.name);
      case 'member':
        return readProperty(this.evaluate(node.object), this.evaluate(node.property));
      case 'methodCall': {
        const target = this.evaluate(node.object);
        const method = this.evaluate(node.method);
        return normalize(callMethod(target, method, this.evaluateAll(node.args)));
      }
      case 'functionCall': {
        const fn = this.lookUp(node.name);
        return normalize(callFunction(fn, node.name, this.evaluateAll(node.args)));
      }
      case 'unary':
        return this.evaluateUnary(node.operator, node.operand);
      case 'binary':
        if (node.operator === 'and') {
          return toBoolean(this.evaluate(node.left)) && toBoolean(this.evaluate(node.right));
        }
        if (node.operator === 'or') {
          return toBoolean(this.evaluate(node.left)) || toBoolean(this.evaluate(node.right));
        }
        return applyBinary(node.operator, this.evaluate(node.left), this.evaluate(node.right));
      case 'conditional':
        return toBoolean(this.evaluate(node.test))
          ? this.evaluate(node.whenTrue)
          : this.evaluate(node.whenFalse);
    }
  }

  private evaluateUnary(operator: 'negate' | 'not' | 'empty', operand: JuelNode): unknown {
    const value = this.evaluate(operand);
    switch (operator) {
      case 'negate':
        return 0 - toNumber(value); // not `-x`, which would give -0 for 0
      case 'not':
        return !toBoolean(value);
      case 'empty':
        return isEmpty(value);
    }
  }

  private evaluateAll(nodes: readonly JuelNode[]): unknown[] {
    return nodes.map((node) => this.evaluate(node));
  }

  private lookUp(name: string): unknown {
    if (FORBIDDEN_IDENTIFIERS.has(name)) {
      throw new EvaluationFailure(`Identifier '${name}' is not accessible`);
    }
    const result = this.resolve(name);
    if (!result.found) {
      throw new ExpressionError(
        `Unknown property used in expression: ${this.text}. Cause: Cannot resolve identifier '${name}'`,
        this.text,
      );
    }
    return normalize(result.value);
  }
}

/** Expressions know one null: `undefined` from the scope or a function becomes `null`. */
function normalize(value: unknown): unknown {
  return value === undefined ? null : value;
}
