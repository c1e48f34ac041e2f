import { ConveyorError, ErrorCode } from '../errors/conveyor-error.js';
import { parseCamundaDate, toStoredDate } from './camunda-date.js';
import { assertJsonSafe } from './json-safety.js';
import { JSON_DATA_FORMAT, type StoredVariable, type VariableType } from './variable-types.js';

/** The Java class Camunda names in its conversion errors. */
const JAVA_TYPES: Record<VariableType, string> = {
  String: 'java.lang.String',
  Integer: 'java.lang.Integer',
  Long: 'java.lang.Long',
  Short: 'java.lang.Short',
  Double: 'java.lang.Double',
  Boolean: 'java.lang.Boolean',
  Date: 'java.util.Date',
  Json: 'java.lang.String',
  Object: 'java.lang.Object',
  Null: 'java.lang.Object',
};

const INT_RANGE: Partial<Record<VariableType, [number, number]>> = {
  Short: [-32_768, 32_767],
  Integer: [-2_147_483_648, 2_147_483_647],
  // Java's Long reaches ±2^63, but a JS number holds integers exactly only up to ±(2^53 − 1).
  Long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

const INTEGER_TEXT = /^[+-]?\d+$/;
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** What a REST variable entry carries once its type name has been resolved. */
export interface VariableInput {
  name: string;
  type: VariableType;
  /** The type as the caller spelled it, for messages. */
  typeName: string;
  value: unknown;
  valueInfo: Record<string, unknown>;
}

/** Converts and validates one REST value to its stored form, the way Camunda's REST layer does. */
export function convertVariableValue(input: VariableInput): StoredVariable {
  const { type, value } = input;
  const stored = (v: unknown): StoredVariable => withTransient({ type, value: v }, input.valueInfo);
  if (type === 'Object') return convertObject(input);
  if (value === null) return stored(null); // Camunda allows typed nulls, e.g. a null Integer.
  switch (type) {
    case 'String':
      if (typeof value === 'string') return stored(value);
      // Camunda maps scalars through Jackson, which turns 12 or true into "12" or "true".
      if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') {
        return stored(String(value));
      }
      throw cannotConvert(input);
    case 'Short':
    case 'Integer':
    case 'Long':
      return stored(convertInteger(input));
    case 'Double':
      return stored(convertDouble(input));
    case 'Boolean':
      if (typeof value === 'boolean') return stored(value);
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) {
        return stored(value.toLowerCase() === 'true');
      }
      throw cannotConvert(input);
    case 'Date': {
      const date = typeof value === 'string' ? parseCamundaDate(value) : null;
      if (!date) throw cannotConvert(input, "expected the format yyyy-MM-dd'T'HH:mm:ss.SSSZ");
      return stored(toStoredDate(date));
    }
    case 'Json':
      return stored(parseJsonValue(input));
    case 'Null':
      throw cannotConvert(input, "a 'Null' variable can only hold null");
  }
}

function convertInteger(input: VariableInput): number {
  const { value } = input;
  const [min, max] = INT_RANGE[input.type]!;
  let number: number | undefined;
  if (typeof value === 'number' && Number.isInteger(value)) number = value;
  if (typeof value === 'string' && INTEGER_TEXT.test(value)) number = Number(value);
  if (number === undefined) throw cannotConvert(input);
  if (input.type === 'Long' && !Number.isSafeInteger(number)) {
    throw cannotConvert(input, `Long values are limited to ±${max} (2^53 - 1) in Conveyor`);
  }
  if (number < min || number > max) throw cannotConvert(input, `out of range ${min}..${max}`);
  return number === 0 ? 0 : number; // no -0
}

function convertDouble(input: VariableInput): number {
  const { value } = input;
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && DECIMAL_TEXT.test(value.trim())
        ? Number(value)
        : NaN;
  if (!Number.isFinite(number)) throw cannotConvert(input);
  return number;
}

/** Json and Object values arrive as JSON text (Camunda's form) or, as a convenience, as JSON data. */
function parseJsonValue(input: VariableInput): unknown {
  const { value, name, type } = input;
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `Cannot deserialize value of variable '${name}' of type '${input.typeName}': not valid JSON`,
      );
    }
  } else if (typeof value !== 'object') {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      `Must provide 'null', a JSON string or JSON data for value of SerializableValue type '${type}' (variable '${name}').`,
    );
  }
  assertJsonSafe(parsed, name);
  return parsed;
}

function convertObject(input: VariableInput): StoredVariable {
  const { name, valueInfo } = input;
  const format = valueInfo.serializationDataFormat ?? JSON_DATA_FORMAT;
  if (format !== JSON_DATA_FORMAT) {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      `Cannot write serialized value for variable '${name}': serialization data format '${preview(format)}' is not supported, use '${JSON_DATA_FORMAT}'.`,
    );
  }
  const objectTypeName = valueInfo.objectTypeName;
  if (input.value !== null && (typeof objectTypeName !== 'string' || objectTypeName === '')) {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      `Cannot write serialized value for variable '${name}': no 'objectTypeName' provided for non-null value.`,
    );
  }
  const info: Record<string, unknown> = { serializationDataFormat: JSON_DATA_FORMAT };
  if (typeof objectTypeName === 'string') info.objectTypeName = objectTypeName;
  const value = input.value === null ? null : parseJsonValue(input);
  return withTransient({ type: 'Object', value, valueInfo: info }, valueInfo);
}

/** Keeps Camunda's `transient` flag, the one valueInfo entry meaningful for every type. */
function withTransient(
  variable: StoredVariable,
  valueInfo: Record<string, unknown>,
): StoredVariable {
  if (valueInfo.transient !== true) return variable;
  return { ...variable, valueInfo: { ...variable.valueInfo, transient: true } };
}

/** Camunda's message, `Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer`, naming the variable. */
function cannotConvert(input: VariableInput, reason?: string): ConveyorError {
  const message =
    `Cannot convert value '${preview(input.value)}' of type '${input.typeName}' to java type ` +
    `${JAVA_TYPES[input.type]} (variable '${input.name}')`;
  return new ConveyorError(ErrorCode.InvalidRequest, reason ? `${message}: ${reason}` : message);
}

/** Integer for 32-bit values, Long beyond: the Java type Jackson picks for a JSON integer. */
export function integerTypeFor(value: number): 'Integer' | 'Long' {
  const [min, max] = INT_RANGE.Integer!;
  return value >= min && value <= max ? 'Integer' : 'Long';
}

export function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
