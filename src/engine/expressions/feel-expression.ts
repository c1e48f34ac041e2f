import {
  evaluate,
  FeelDate,
  FeelDateTime,
  FeelDuration,
  FeelTime,
  parseExpression,
  SyntaxError as FeelSyntaxError,
  toFeel,
} from 'feelin';
import { ExpressionError } from './expression-error.js';
import { isPlainObject } from './juel-coercion.js';
import type { ExpressionScope, Resolver } from './expression-scope.js';

/**
 * FEEL expressions (Camunda 8 / Zeebe style): a text starting with `=` is evaluated by feelin.
 * feelin 8 returns `{ value, warnings }` and turns runtime problems (unknown variable, type
 * mismatch) into `null` with a warning, as FEEL specifies; only syntax errors and exceptions from
 * functions in scope throw. Results are converted to plain JavaScript values (see `fromFeel`).
 */

export interface FeelResult {
  readonly value: unknown;
  /** feelin's warnings, e.g. "Variable 'x' not found" — why a value came out null. */
  readonly warnings: readonly string[];
}

const FORBIDDEN_NAMES = new Set(['constructor', '__proto__', 'prototype']);

export function isFeelExpression(text: string): boolean {
  return text.startsWith('=');
}

export function evaluateFeel(text: string, scope: ExpressionScope): FeelResult {
  const source = text.slice(1);
  let result: ReturnType<typeof evaluate>;
  try {
    const context = typeof scope === 'function' ? contextFromResolver(source, scope) : scope;
    result = evaluate(source, context);
  } catch (error) {
    if (error instanceof FeelSyntaxError)
      throw feelSyntaxError(text, error.message, error.position.from);
    const cause = error instanceof Error ? error.message : String(error);
    throw new ExpressionError(
      `Error while evaluating expression: ${text}. Cause: ${cause}`,
      text,
      undefined,
      {
        cause: error,
      },
    );
  }
  return {
    value: fromFeel(result.value),
    warnings: result.warnings.map((warning) => warning.message),
  };
}

/** Throws an ExpressionError if the FEEL text does not parse; evaluates nothing. */
export function assertFeelSyntax(text: string): void {
  const source = text.slice(1);
  parseExpression(source, {}, undefined).iterate({
    enter(node) {
      if (!node.type.isError) return;
      const detail =
        node.from === node.to
          ? 'incomplete expression'
          : `unrecognized '${source.slice(node.from, node.to)}'`;
      throw feelSyntaxError(text, detail, node.from);
    },
  });
}

function feelSyntaxError(text: string, detail: string, sourceOffset: number): ExpressionError {
  const position = sourceOffset + 1; // after the leading '='
  return new ExpressionError(
    `Error parsing '${text}': syntax error at position ${position}, ${detail}`,
    text,
    position,
  );
}

/**
 * A resolver cannot list its names, so the FEEL context is built from the variable names the
 * expression itself mentions (feelin's parse tree marks them `VariableName`). Names the resolver
 * does not know are left out: FEEL then evaluates them to null with a warning.
 */
function contextFromResolver(source: string, resolve: Resolver): Record<string, unknown> {
  const names = new Set<string>();
  parseExpression(source, {}, undefined).iterate({
    enter(node) {
      if (node.name === 'VariableName') names.add(source.slice(node.from, node.to));
    },
  });
  const entries: Array<[string, unknown]> = [];
  for (const name of names) {
    if (FORBIDDEN_NAMES.has(name)) continue;
    const resolved = resolve(name);
    if (!resolved.found) continue;
    const { value } = resolved;
    entries.push([
      name,
      typeof value === 'function' ? feelCallable(value as ScopeFunction) : value,
    ]);
  }
  return Object.fromEntries(entries);
}

type ScopeFunction = ((...args: unknown[]) => unknown) & { $args?: unknown };

/**
 * A scope function (`now`, `addWorkingDays`…) is plain JavaScript, shared with JUEL: it gets its
 * arguments as `fromFeel` gives them (a date and time as a `Date`, a date as `2024-01-10`), and a
 * `Date` it returns becomes a FEEL date and time, so `= now() + duration("PT1H")` computes.
 * feelin names parameters from `$args`, else from the function's source; a wrapper has neither, so
 * it carries the original's names, or takes any number of arguments.
 */
function feelCallable(fn: ScopeFunction): ScopeFunction {
  const callable = (...args: unknown[]): unknown =>
    toFeel(Reflect.apply(fn, undefined, args.map(fromFeel)));
  return Object.assign(callable, {
    $args: Array.isArray(fn.$args) ? [...(fn.$args as unknown[])] : ['...args'],
  });
}

/**
 * FEEL values → JavaScript: a date and time becomes a `Date` (a zone-less one is read as UTC),
 * a duration its ISO 8601 text (`P1DT2H`), a date or time its ISO text (`2024-01-10`, `10:30:00`);
 * lists and contexts are converted deeply; `undefined` becomes null.
 */
export function fromFeel(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof FeelDateTime) {
    return new Date(value.value.toZonedDateTime(value.zone ?? 'UTC').epochMilliseconds);
  }
  if (value instanceof FeelDuration || value instanceof FeelDate || value instanceof FeelTime) {
    return value.toString();
  }
  if (Array.isArray(value)) return value.map(fromFeel);
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, fromFeel(entry)]));
  }
  return value;
}
