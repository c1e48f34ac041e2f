import type { BinaryOperator } from './juel-ast.js';
import {
  describeValue,
  isNullish,
  isPlainObject,
  toEpochMillis,
  toNumber,
  toText,
  tryNumber,
} from './juel-coercion.js';
import { EvaluationFailure } from './expression-error.js';

/** JUEL operator semantics over JavaScript values (`and`/`or`/`?:` short-circuit in the evaluator). */

type ArithmeticOperator = 'add' | 'sub' | 'mul' | 'div' | 'mod';
type RelationalOperator = 'lt' | 'gt' | 'le' | 'ge';

export function applyBinary(
  operator: Exclude<BinaryOperator, 'and' | 'or'>,
  left: unknown,
  right: unknown,
): unknown {
  switch (operator) {
    case 'eq':
      return looselyEquals(left, right);
    case 'ne':
      return !looselyEquals(left, right);
    case 'lt':
    case 'gt':
    case 'le':
    case 'ge':
      return compare(operator, left, right);
    default:
      return arithmetic(operator, left, right);
  }
}

/**
 * JUEL `+` is numeric only (`'1' + 2` is 3 there). Diagram authors expect `'Invoice ' + no` to
 * concatenate, so here `+` concatenates whenever either side is a string; otherwise it is numeric.
 */
function arithmetic(operator: ArithmeticOperator, left: unknown, right: unknown): number | string {
  if (operator === 'add' && (typeof left === 'string' || typeof right === 'string')) {
    return toText(left) + toText(right);
  }
  const a = toNumber(left);
  const b = toNumber(right);
  switch (operator) {
    case 'add':
      return a + b;
    case 'sub':
      return a - b;
    case 'mul':
      return a * b;
    case 'div':
      return a / b;
    case 'mod':
      return a % b;
  }
}

/**
 * Ordering as in JUEL: identical operands are equal, null is never ordered, numbers (or a number
 * against a numeric string) numerically, strings lexically, booleans false < true.
 * Dates and ISO 8601 date strings compare as instants, in any combination.
 */
function compare(operator: RelationalOperator, left: unknown, right: unknown): boolean {
  if (left === right && !Number.isNaN(left)) return operator === 'le' || operator === 'ge';
  if (isNullish(left) || isNullish(right)) return false;
  const order = ordering(left, right);
  switch (operator) {
    case 'lt':
      return order < 0;
    case 'gt':
      return order > 0;
    case 'le':
      return order <= 0;
    case 'ge':
      return order >= 0;
  }
}

/** Negative, zero or positive; NaN (which fails every comparison) for NaN operands. */
function ordering(left: unknown, right: unknown): number {
  if (left instanceof Date || right instanceof Date) {
    const a = toEpochMillis(left);
    const b = toEpochMillis(right);
    if (a === undefined || b === undefined) throw incomparable(left, right);
    return a - b;
  }
  if (typeof left === 'number' || typeof right === 'number') {
    return toNumber(left) - toNumber(right);
  }
  if (typeof left === 'string' && typeof right === 'string') {
    const a = toEpochMillis(left);
    const b = toEpochMillis(right);
    if (a !== undefined && b !== undefined) return a - b;
    return left < right ? -1 : left > right ? 1 : 0;
  }
  if (typeof left === 'boolean' && typeof right === 'boolean') {
    return Number(left) - Number(right);
  }
  throw incomparable(left, right);
}

function incomparable(left: unknown, right: unknown): EvaluationFailure {
  return new EvaluationFailure(
    `Cannot compare ${describeValue(left)} with ${describeValue(right)}`,
  );
}

/**
 * `==` as in JUEL, but never throwing: null equals only null; a number against a numeric string
 * compares numerically; a boolean against 'true'/'false' (any case); dates and ISO date strings
 * as instants; lists and plain objects structurally.
 */
export function looselyEquals(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (isNullish(left) || isNullish(right)) return isNullish(left) && isNullish(right);
  if (left instanceof Date || right instanceof Date) {
    const a = toEpochMillis(left);
    return a !== undefined && a === toEpochMillis(right);
  }
  if (typeof left === 'number' || typeof right === 'number') {
    const a = tryNumber(left);
    return a !== undefined && a === tryNumber(right);
  }
  if (typeof left === 'boolean' || typeof right === 'boolean') {
    const [flag, other] = typeof left === 'boolean' ? [left, right] : [right as boolean, left];
    return typeof other === 'string' && other.toLowerCase() === String(flag);
  }
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, i) => looselyEquals(item, right[i]));
  }
  if (isPlainObject(left) && isPlainObject(right)) {
    const keys = Object.keys(left);
    return (
      keys.length === Object.keys(right).length &&
      keys.every((key) => Object.hasOwn(right, key) && looselyEquals(left[key], right[key]))
    );
  }
  return false;
}

/** JUEL `empty`, extended to JavaScript collections: null, '', [], {}, an empty Map or Set. */
export function isEmpty(value: unknown): boolean {
  if (isNullish(value)) return true;
  if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
  if (value instanceof Map || value instanceof Set) return value.size === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}
