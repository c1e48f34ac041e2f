import { inferVariable } from '../../common/variables/infer-variable.js';
import { serializeVariable, toEngineValue } from '../../common/variables/serialize-variable.js';
import type { SerializedVariable, StoredVariable } from '../../common/variables/variable-types.js';
import { VARIABLE_TYPE_OF_FIELD, coerceFormValue } from './form-value-coercion.js';
import type { FormField } from './form-field.js';

export interface FormOptions {
  /**
   * Evaluates a `${...}` / `#{...}` default value against the task's variables. Without it such
   * defaults are shown as their literal text.
   */
  resolveDefault?: (expression: string) => unknown;
}

const EXPRESSION = /^\s*[$#]\{[\s\S]*\}\s*$/;

/**
 * Camunda's `GET /task/{id}/form-variables`: every field's current value, else its default, typed
 * after the field (string and enum → String, long → Long, boolean → Boolean, date → Date).
 * A current value that does not fit the field's type is returned with its own type rather than
 * hidden, so the form can still show it.
 */
export function formVariables(
  fields: FormField[],
  current: Record<string, unknown>,
  options: FormOptions = {},
): Record<string, SerializedVariable> {
  const result: Record<string, SerializedVariable> = {};
  for (const field of fields) {
    result[field.id] = serializeVariable(fieldVariable(field, current, options));
  }
  return result;
}

/** The engine value of a field's default, typed after the field; undefined when it has none. */
export function defaultValueOf(field: FormField, options: FormOptions = {}): unknown {
  const variable = defaultVariable(field, options);
  return variable ? toEngineValue(variable) : undefined;
}

function fieldVariable(
  field: FormField,
  current: Record<string, unknown>,
  options: FormOptions,
): StoredVariable {
  const value = current[field.id];
  if (value !== undefined) return typedAfterField(field, inferVariable(value, field.id));
  return (
    defaultVariable(field, options) ?? { type: VARIABLE_TYPE_OF_FIELD[field.type], value: null }
  );
}

function defaultVariable(field: FormField, options: FormOptions): StoredVariable | undefined {
  const text = field.defaultValue;
  if (text === undefined) return undefined;
  const resolved =
    options.resolveDefault && EXPRESSION.test(text) ? options.resolveDefault(text.trim()) : text;
  return typedAfterField(field, inferVariable(resolved, field.id));
}

function typedAfterField(field: FormField, variable: StoredVariable): StoredVariable {
  const coercion = coerceFormValue(field, variable);
  return coercion.ok ? coercion.variable : variable;
}
