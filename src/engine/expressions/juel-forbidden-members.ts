import { ExpressionError } from './expression-error.js';
import type { JuelNode, ParsedTemplate } from './juel-ast.js';

/** The names the evaluator refuses at run time (safe-member-access), refused at deployment too. */
const FORBIDDEN_NAMES = new Set(['constructor', '__proto__', 'prototype']);

/**
 * Throws when a parsed JUEL text names `constructor`, `__proto__` or `prototype` as a variable,
 * a property (`a.constructor`, `a['__proto__']`) or a method: such a diagram could only fail at
 * run time, so it is refused when deployed. Iterative, so a deep expression cannot overflow.
 */
export function assertNoForbiddenMembers(parsed: ParsedTemplate): void {
  const pending: JuelNode[] = [];
  for (const part of parsed.parts) if (part.kind === 'expression') pending.push(part.node);
  while (pending.length > 0) {
    const node = pending.pop()!;
    const name = forbiddenName(node);
    if (name !== undefined) {
      throw new ExpressionError(
        `'${name}' is not accessible in expressions`,
        parsed.text,
        node.pos,
      );
    }
    pending.push(...children(node));
  }
}

function forbiddenName(node: JuelNode): string | undefined {
  const named =
    node.kind === 'identifier'
      ? node.name
      : node.kind === 'member'
        ? literalName(node.property)
        : node.kind === 'methodCall'
          ? literalName(node.method)
          : undefined;
  return named !== undefined && FORBIDDEN_NAMES.has(named) ? named : undefined;
}

function literalName(node: JuelNode): string | undefined {
  return node.kind === 'literal' && typeof node.value === 'string' ? node.value : undefined;
}

function children(node: JuelNode): JuelNode[] {
  switch (node.kind) {
    case 'literal':
    case 'identifier':
      return [];
    case 'member':
      return [node.object, node.property];
    case 'methodCall':
      return [node.object, node.method, ...node.args];
    case 'functionCall':
      return node.args;
    case 'unary':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'conditional':
      return [node.test, node.whenTrue, node.whenFalse];
  }
}
