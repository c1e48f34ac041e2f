import { formatCamundaDate } from './camunda-date.js';
import {
  JSON_DATA_FORMAT,
  type SerializedVariable,
  type StoredVariable,
} from './variable-types.js';

export interface SerializeOptions {
  /**
   * Camunda's `deserializeValue(s)` query parameter for Object variables: `true` returns the value
   * as JSON data, `false` (the default here) as the serialized JSON string.
   */
  deserializeValue?: boolean;
}

/** A stored variable in Camunda's REST output shape. */
export function serializeVariable(
  variable: StoredVariable,
  options: SerializeOptions = {},
): SerializedVariable {
  const valueInfo = { ...variable.valueInfo };
  const { type, value } = variable;
  if (value === null || value === undefined) return { value: null, type, valueInfo };
  switch (type) {
    case 'Date':
      return { value: formatCamundaDate(new Date(value as string)), type, valueInfo };
    case 'Json':
      // Camunda's Spin Json values travel as JSON text.
      return { value: JSON.stringify(value), type, valueInfo };
    case 'Object':
      return {
        value: options.deserializeValue ? structuredClone(value) : JSON.stringify(value),
        type,
        valueInfo: {
          objectTypeName: valueInfo.objectTypeName,
          serializationDataFormat: JSON_DATA_FORMAT,
        },
      };
    default:
      return { value, type, valueInfo };
  }
}

/**
 * The plain value the BPMN engine and expressions see. Dates stay ISO strings (UTC, milliseconds):
 * engine state is persisted as JSON, where a JS Date would silently turn into a string on the
 * next recovery anyway; ISO strings also compare correctly as text. Json and Object values are
 * copies, so the engine cannot mutate a stored variable in place.
 */
export function toEngineValue(variable: StoredVariable): unknown {
  const { type, value } = variable;
  if (value === undefined) return null;
  if ((type === 'Json' || type === 'Object') && typeof value === 'object') {
    return structuredClone(value);
  }
  return value;
}

/** Every variable of a map as the engine sees it. */
export function toEngineVariables(variables: Map<string, StoredVariable>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, variable] of variables) result[name] = toEngineValue(variable);
  return result;
}
