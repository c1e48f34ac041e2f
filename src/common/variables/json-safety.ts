import { ConveyorError, ErrorCode } from '../errors/conveyor-error.js';

/**
 * Keys that let a JSON document reach an object's prototype when it is later merged or assigned
 * (`__proto__`, `constructor.prototype`). Rejected as variable names and anywhere inside values.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Jackson's default nesting limit; deeper documents risk stack overflows in JSON.stringify. */
const MAX_DEPTH = 1000;

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL can store (text and jsonb): no NUL, no unpaired UTF-16 surrogate. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !UNPAIRED_SURROGATE.test(text);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Checks that a value is plain JSON data (null, booleans, finite numbers, strings, arrays, plain
 * objects) without prototype-polluting keys. Walks iteratively so deep input cannot overflow.
 */
export function assertJsonSafe(value: unknown, variableName: string): void {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (current === null || typeof current === 'boolean') continue;
    if (typeof current === 'string') {
      if (!isStorableText(current)) throw unsafe(variableName, 'a NUL character or broken text');
      continue;
    }
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) throw unsafe(variableName, `the number ${current}`);
      continue;
    }
    if (depth >= MAX_DEPTH) {
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `Variable '${variableName}' is nested deeper than ${MAX_DEPTH} levels`,
      );
    }
    if (Array.isArray(current)) {
      if (seen.has(current)) throw unsafe(variableName, 'a repeated or circular reference');
      seen.add(current);
      for (const item of current as unknown[]) pending.push({ value: item, depth: depth + 1 });
      continue;
    }
    if (!isPlainObject(current)) throw unsafe(variableName, describe(current));
    if (seen.has(current)) throw unsafe(variableName, 'a repeated or circular reference');
    seen.add(current);
    for (const key of Object.keys(current)) {
      if (!isStorableText(key)) throw unsafe(variableName, 'a NUL character or broken text');
      if (FORBIDDEN_KEYS.has(key)) {
        throw new ConveyorError(
          ErrorCode.InvalidRequest,
          `Variable '${variableName}' contains the forbidden key '${key}'`,
        );
      }
      pending.push({ value: current[key], depth: depth + 1 });
    }
  }
}

/** Size of a stored value: UTF-8 bytes of a string's text, or of the JSON text otherwise. */
export function storedByteLength(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  return Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');
}

function unsafe(variableName: string, what: string): ConveyorError {
  return new ConveyorError(
    ErrorCode.InvalidRequest,
    `Variable '${variableName}' contains ${what}, which cannot be stored as JSON`,
  );
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    return `an instance of ${value.constructor?.name ?? 'an unknown class'}`;
  }
  return `a value of type ${typeof value}`;
}
