import { ConveyorError, ErrorCode } from '../errors/conveyor-error.js';
import { toStoredDate } from './camunda-date.js';
import { integerTypeFor } from './convert-variable-value.js';
import { assertJsonSafe } from './json-safety.js';
import type { StoredVariable } from './variable-types.js';

/**
 * Types a value produced inside the engine (script results, output mappings, expressions), the way
 * Camunda types an untyped Java value. `name` only serves error messages.
 */
export function inferVariable(value: unknown, name = 'value'): StoredVariable {
  if (value === null || value === undefined) return { type: 'Null', value: null };
  switch (typeof value) {
    case 'string':
      return { type: 'String', value };
    case 'boolean':
      return { type: 'Boolean', value };
    case 'number':
      if (!Number.isFinite(value)) throw notStorable(name, String(value));
      if (Number.isSafeInteger(value)) return { type: integerTypeFor(value), value: value || 0 };
      return { type: 'Double', value };
    case 'bigint':
      if (value < BigInt(Number.MIN_SAFE_INTEGER) || value > BigInt(Number.MAX_SAFE_INTEGER)) {
        throw notStorable(name, `${value}n (beyond ±2^53 - 1)`);
      }
      return { type: 'Long', value: Number(value) };
    case 'object':
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw notStorable(name, 'an invalid Date');
        return { type: 'Date', value: toStoredDate(value) };
      }
      return { type: 'Json', value: toJsonData(value, name) };
    default:
      throw notStorable(name, `a ${typeof value}`);
  }
}

/** What JSON would keep of an engine object: nested Dates become ISO strings, undefined drops out. */
function toJsonData(value: object, name: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    throw notStorable(name, 'an object that cannot be serialized to JSON (circular or BigInt)');
  }
  assertJsonSafe(data, name);
  return data;
}

function notStorable(name: string, what: string): ConveyorError {
  return new ConveyorError(
    ErrorCode.InvalidRequest,
    `Variable '${name}' cannot be stored: ${what} is not a supported value`,
  );
}
