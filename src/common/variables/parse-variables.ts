import { ConveyorError, ErrorCode } from '../errors/conveyor-error.js';
import { convertVariableValue, integerTypeFor, preview } from './convert-variable-value.js';
import { FORBIDDEN_KEYS, assertJsonSafe, isPlainObject, storedByteLength } from './json-safety.js';
import {
  VARIABLE_TYPES,
  type StoredVariable,
  type VariableLimits,
  type VariableType,
} from './variable-types.js';

const DEFAULT_MAX_NAME_LENGTH = 255;

/**
 * Validates a Camunda REST variables map (`{ "name": { "value": ..., "type": ..., "valueInfo": ... } }`)
 * and converts every entry to its stored form. Throws a ConveyorError(InvalidRequest) naming the
 * first offending variable.
 */
export function parseVariables(
  input: unknown,
  limits: VariableLimits,
): Map<string, StoredVariable> {
  if (!isPlainObject(input)) {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      'Variables must be a JSON object mapping each name to {"value": ..., "type": ...}',
    );
  }
  const variables = new Map<string, StoredVariable>();
  for (const name of Object.keys(input))
    variables.set(name, parseVariable(name, input[name], limits));
  return variables;
}

/** Validates one named REST variable entry, e.g. the body of `PUT .../variables/{name}`. */
export function parseVariable(
  name: string,
  entry: unknown,
  limits: VariableLimits,
): StoredVariable {
  assertVariableName(name, limits.maxNameLength ?? DEFAULT_MAX_NAME_LENGTH);
  if (!isPlainObject(entry)) {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      `Variable '${name}' must be an object like {"value": ..., "type": "String"}`,
    );
  }
  const valueInfo = entry.valueInfo ?? {};
  if (!isPlainObject(valueInfo)) {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      `valueInfo of variable '${name}' must be an object`,
    );
  }
  assertJsonSafe(valueInfo, name);
  const value = entry.value ?? null; // Camunda reads a missing value as null.
  const type =
    entry.type === undefined || entry.type === null
      ? inferRestType(name, value)
      : resolveType(name, entry.type);
  const typeName = typeof entry.type === 'string' ? entry.type : type;
  const variable = convertVariableValue({ name, type, typeName, value, valueInfo });
  const bytes = storedByteLength(variable.value);
  if (bytes > limits.maxValueBytes) {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      `Variable '${name}' is too large: ${bytes} bytes, the limit is ${limits.maxValueBytes} bytes`,
    );
  }
  return variable;
}

export function assertVariableName(
  name: string,
  maxLength: number = DEFAULT_MAX_NAME_LENGTH,
): void {
  if (name.length === 0) {
    throw new ConveyorError(ErrorCode.InvalidRequest, 'Variable name must not be empty');
  }
  if (name.length > maxLength) {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      `Variable name '${preview(name)}' is longer than ${maxLength} characters`,
    );
  }
  if (FORBIDDEN_KEYS.has(name)) {
    throw new ConveyorError(ErrorCode.InvalidRequest, `Variable name '${name}' is not allowed`);
  }
  if (CONTROL_CHARACTER.test(name)) {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      `Variable name ${JSON.stringify(preview(name))} contains control characters`,
    );
  }
}

/** C0 controls and DEL: invisible in UIs and logs, and NUL cannot be stored at all. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Camunda resolves type names ignoring the case of the first letter; we ignore case entirely. */
function resolveType(name: string, typeName: unknown): VariableType {
  const wanted = typeof typeName === 'string' ? typeName.toLowerCase() : undefined;
  const type = VARIABLE_TYPES.find((candidate) => candidate.toLowerCase() === wanted);
  if (!type) {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      `Unsupported value type '${preview(typeName)}' (variable '${name}')`,
    );
  }
  return type;
}

/**
 * Camunda's untyped values take the Java type Jackson gave them. JSON cannot tell `5.0` from `5`
 * once parsed in JavaScript, so integral numbers become Integer (or Long beyond 32 bits).
 */
function inferRestType(name: string, value: unknown): VariableType {
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'boolean':
      return 'Boolean';
    case 'number':
      if (!Number.isInteger(value)) return 'Double';
      return integerTypeFor(value);
    case 'object':
      return value === null ? 'Null' : 'Json';
    default:
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `Variable '${name}' has a value of unsupported type ${typeof value}`,
      );
  }
}
