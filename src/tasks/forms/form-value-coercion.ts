import { parseCamundaDate } from '../../common/variables/camunda-date.js';
import type { StoredVariable, VariableType } from '../../common/variables/variable-types.js';
import { parseFormDate } from './form-date.js';
import { DEFAULT_DATE_PATTERN, type FormField, type FormFieldType } from './form-field.js';

/** The variable type each form field type produces, as Camunda's form types do. */
export const VARIABLE_TYPE_OF_FIELD: Record<FormFieldType, VariableType> = {
  string: 'String',
  long: 'Long',
  boolean: 'Boolean',
  date: 'Date',
  enum: 'String',
};

export type Coercion = { ok: true; variable: StoredVariable } | { ok: false; message: string };

const INTEGER_TEXT = /^[+-]?\d+$/;

/**
 * Converts a submitted variable to the field's type the way Camunda's form types convert form
 * values (`"42"` for a long field becomes Long 42, `"22/11/2026"` for a date field a Date), or
 * explains in plain English why it cannot.
 */
export function coerceFormValue(field: FormField, variable: StoredVariable): Coercion {
  const type = VARIABLE_TYPE_OF_FIELD[field.type];
  const { value } = variable;
  if (value === null || value === undefined) return { ok: true, variable: { type, value: null } };
  const typed = (converted: unknown): Coercion => ({
    ok: true,
    variable: { type, value: converted },
  });
  const fail = (expected: string): Coercion => ({
    ok: false,
    message: `Field '${field.id}' must be ${expected}`,
  });
  switch (field.type) {
    case 'string':
      if (variable.type === 'Date') return { ok: true, variable };
      if (typeof value === 'string') return typed(value);
      if (typeof value === 'number' || typeof value === 'boolean') return typed(String(value));
      return fail('text');
    case 'long': {
      const number =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && INTEGER_TEXT.test(value.trim())
            ? Number(value)
            : NaN;
      return Number.isSafeInteger(number) ? typed(number) : fail('a whole number');
    }
    case 'boolean':
      if (typeof value === 'boolean') return typed(value);
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
        return typed(value.trim().toLowerCase() === 'true');
      }
      return fail('true or false');
    case 'date': {
      const pattern = field.datePattern ?? DEFAULT_DATE_PATTERN;
      const text = typeof value === 'string' ? value.trim() : '';
      const date = parseCamundaDate(text) ?? parseFormDate(text, pattern);
      return date ? typed(date.toISOString()) : fail(`a date in the format ${pattern}`);
    }
    case 'enum': {
      const ids = (field.values ?? []).map((choice) => choice.id);
      if (typeof value === 'string' && ids.includes(value)) return typed(value);
      return fail(`one of: ${ids.join(', ')}`);
    }
  }
}

/**
 * The submission as it should be stored once valid: each form field's value converted to the
 * field's type (a date field's `22/11/2026` becomes a Date variable), other variables unchanged.
 */
export function normalizeFormSubmission(
  fields: FormField[],
  submitted: Map<string, StoredVariable>,
): Map<string, StoredVariable> {
  const normalized = new Map(submitted);
  for (const field of fields) {
    const variable = submitted.get(field.id);
    if (!variable) continue;
    const coercion = coerceFormValue(field, variable);
    if (coercion.ok) normalized.set(field.id, keepTransient(coercion.variable, variable));
  }
  return normalized;
}

function keepTransient(converted: StoredVariable, original: StoredVariable): StoredVariable {
  return original.valueInfo?.transient === true
    ? { ...converted, valueInfo: { transient: true } }
    : converted;
}
