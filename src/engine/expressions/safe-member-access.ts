import { EvaluationFailure } from './expression-error.js';
import { looselyEquals } from './juel-operators.js';
import { describeValue, isNullish, isPlainObject } from './juel-coercion.js';

/**
 * The only ways an expression may touch values from its scope. Diagram text is untrusted, so:
 * - `constructor`, `__proto__` and `prototype` are refused everywhere (the usual escape routes);
 * - properties are read only from plain objects (own enumerable ones) and arrays (elements,
 *   `length`); strings expose `length`; anything else (class instances, functions) is opaque;
 * - a method call reaches an OWN function property of a plain object in scope (`execution.getVariable`),
 *   or one of the whitelisted string/list/map methods below — never an inherited method;
 * - a few functions are refused even when put in scope, as they would run or rebind code.
 */

const FORBIDDEN_NAMES = new Set(['constructor', '__proto__', 'prototype']);
/* eslint-disable @typescript-eslint/unbound-method -- compared by identity, never called */
const FORBIDDEN_FUNCTIONS = new Set<unknown>([
  Function,
  Function.prototype.call,
  Function.prototype.apply,
  Function.prototype.bind,
  eval,
  Reflect.apply,
  Reflect.construct,
]);
/* eslint-enable @typescript-eslint/unbound-method */

type Method<T> = (target: T, args: readonly unknown[]) => unknown;

/** Java/JS String methods diagrams commonly use (`${name.startsWith('A')}`, `${s.length()}`). */
const STRING_METHODS = new Map<string, Method<string>>([
  ['startsWith', (s, args) => s.startsWith(stringArg(args, 0))],
  ['endsWith', (s, args) => s.endsWith(stringArg(args, 0))],
  ['contains', (s, args) => s.includes(stringArg(args, 0))],
  ['includes', (s, args) => s.includes(stringArg(args, 0))],
  ['indexOf', (s, args) => s.indexOf(stringArg(args, 0))],
  ['equals', (s, args) => s === args[0]],
  ['equalsIgnoreCase', (s, args) => s.toLowerCase() === stringArg(args, 0).toLowerCase()],
  ['toUpperCase', (s) => s.toUpperCase()],
  ['toLowerCase', (s) => s.toLowerCase()],
  ['trim', (s) => s.trim()],
  ['length', (s) => s.length],
  ['isEmpty', (s) => s.length === 0],
  ['substring', (s, args) => s.substring(numberArg(args, 0), optionalNumberArg(args, 1))],
]);

/** Java List methods (`${list.size() > 0}`, `${roles.contains('admin')}`). */
const LIST_METHODS = new Map<string, Method<readonly unknown[]>>([
  ['size', (list) => list.length],
  ['isEmpty', (list) => list.length === 0],
  ['contains', (list, args) => list.some((item) => looselyEquals(item, args[0]))],
  ['includes', (list, args) => list.some((item) => looselyEquals(item, args[0]))],
  ['indexOf', (list, args) => list.findIndex((item) => looselyEquals(item, args[0]))],
  ['get', (list, args) => list[numberArg(args, 0)] ?? null],
]);

/** Java Map methods on plain objects, used only when the object has no own property of that name. */
const MAP_METHODS = new Map<string, Method<Record<string, unknown>>>([
  ['size', (map) => Object.keys(map).length],
  ['isEmpty', (map) => Object.keys(map).length === 0],
  ['containsKey', (map, args) => Object.hasOwn(map, stringArg(args, 0))],
  ['get', (map, args) => readOwn(map, stringArg(args, 0))],
]);

function stringArg(args: readonly unknown[], index: number): string {
  const value = args[index];
  if (typeof value !== 'string')
    throw new EvaluationFailure(`Expected a string argument, got ${describeValue(value)}`);
  return value;
}

function numberArg(args: readonly unknown[], index: number): number {
  const value = args[index];
  if (typeof value !== 'number')
    throw new EvaluationFailure(`Expected a number argument, got ${describeValue(value)}`);
  return value;
}

function optionalNumberArg(args: readonly unknown[], index: number): number | undefined {
  return args.length > index ? numberArg(args, index) : undefined;
}

function assertAllowedName(name: string): void {
  if (FORBIDDEN_NAMES.has(name))
    throw new EvaluationFailure(`Property '${name}' is not accessible`);
}

function readOwn(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) && Object.prototype.propertyIsEnumerable.call(object, key)
    ? (object[key] ?? null)
    : null;
}

function toPropertyName(key: unknown): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number' || typeof key === 'boolean') return String(key);
  throw new EvaluationFailure(`Cannot use ${describeValue(key)} as a property name`);
}

/** `target.key` / `target[key]`. Null target or missing key gives null, as with JUEL maps and lists. */
export function readProperty(target: unknown, key: unknown): unknown {
  const name = toPropertyName(key);
  assertAllowedName(name);
  if (isNullish(target)) return null;
  if (Array.isArray(target)) {
    if (name === 'length') return target.length;
    const index = Number(name);
    if (!Number.isInteger(index)) throw new EvaluationFailure(`Cannot read '${name}' of a list`);
    return (target as unknown[])[index] ?? null;
  }
  if (typeof target === 'string') {
    if (name === 'length') return target.length;
    throw new EvaluationFailure(`Cannot read '${name}' of a string`);
  }
  if (isPlainObject(target)) return readOwn(target, name);
  throw new EvaluationFailure(`Cannot read '${name}' of ${describeValue(target)}`);
}

/** `target.method(args)` under the rules above; `this` is the target, as for a JS method. */
export function callMethod(target: unknown, method: unknown, args: readonly unknown[]): unknown {
  const name = toPropertyName(method);
  assertAllowedName(name);
  if (isNullish(target)) {
    throw new EvaluationFailure(`Cannot call method '${name}' on null`);
  }
  if (typeof target === 'string') {
    const builtIn = STRING_METHODS.get(name);
    if (builtIn) return builtIn(target, args);
  } else if (Array.isArray(target)) {
    const builtIn = LIST_METHODS.get(name);
    if (builtIn) return builtIn(target, args);
  } else if (isPlainObject(target)) {
    if (Object.hasOwn(target, name)) return callFunction(target[name], name, args, target);
    const builtIn = MAP_METHODS.get(name);
    if (builtIn) return builtIn(target, args);
  }
  throw new EvaluationFailure(`Method '${name}' is not callable on ${describeValue(target)}`);
}

/** Calls a function value that came from the scope (a resolver result or an own property). */
export function callFunction(
  fn: unknown,
  name: string,
  args: readonly unknown[],
  thisArg?: unknown,
): unknown {
  if (typeof fn !== 'function') throw new EvaluationFailure(`'${name}' is not a function`);
  if (FORBIDDEN_FUNCTIONS.has(fn)) throw new EvaluationFailure(`Function '${name}' is not allowed`);
  return Reflect.apply(fn, thisArg, args) as unknown;
}
