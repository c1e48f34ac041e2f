import type { TypedValue } from '../api/task-types.js';
import { camundaDate, normalizeOffset } from '../api/dates.js';

/** One `camunda:formField` of a user task, as the diagram declares it. */
export interface FormField {
  id: string;
  label?: string;
  type: 'string' | 'long' | 'boolean' | 'date' | 'enum';
  defaultValue?: string;
  datePattern?: string;
  values?: { id: string; name?: string }[];
  validation: { name: string; config?: string }[];
}

export type InputKind = 'text' | 'number' | 'checkbox' | 'date' | 'datetime' | 'select';

/** How a field is shown: the input kind, its marks, and the choices of an enum. */
export interface FieldInput {
  kind: InputKind;
  required: boolean;
  readonly: boolean;
  options: { id: string; label: string }[];
}

/** What an input holds: text (also dates as `yyyy-MM-dd` / `yyyy-MM-ddTHH:mm`) or a checkbox. */
export type RawValue = string | boolean;

export type FieldError = 'required' | 'wholeNumber' | 'date';

export type Conversion =
  { ok: true; variable: TypedValue | undefined } | { ok: false; error: FieldError };

const VARIABLE_TYPE: Record<FormField['type'], string> = {
  string: 'String',
  long: 'Long',
  boolean: 'Boolean',
  date: 'Date',
  enum: 'String',
};

const INTEGER = /^[+-]?\d+$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

export function hasConstraint(field: FormField, name: string): boolean {
  return field.validation.some((constraint) => constraint.name === name);
}

export function inputOf(field: FormField): FieldInput {
  return {
    kind: kindOf(field),
    required: hasConstraint(field, 'required'),
    readonly: hasConstraint(field, 'readonly'),
    options: (field.values ?? []).map((value) => ({ id: value.id, label: value.name ?? value.id })),
  };
}

/** A date pattern with hours (`dd.MM.yyyy HH:mm`) asks for a time too. */
function kindOf(field: FormField): InputKind {
  switch (field.type) {
    case 'long':
      return 'number';
    case 'boolean':
      return 'checkbox';
    case 'enum':
      return 'select';
    case 'date':
      return /H/.test(field.datePattern ?? '') ? 'datetime' : 'date';
    case 'string':
      return 'text';
  }
}

/**
 * What the input shows first, from GET /task/{id}/form-variables (the current value, else the
 * field's default, typed after the field). Dates without a time are days in UTC, as the server
 * parses `dd/MM/yyyy`; dates with a time are shown in the browser's zone.
 */
export function initialValue(field: FormField, current: TypedValue | undefined): RawValue {
  const value = current?.value;
  const kind = kindOf(field);
  if (kind === 'checkbox') return value === true || value === 'true';
  if (value === null || value === undefined) return '';
  if (kind === 'date' || kind === 'datetime') {
    const time = typeof value === 'string' ? Date.parse(normalizeOffset(value)) : NaN;
    if (!Number.isFinite(time)) return '';
    const date = new Date(time);
    return kind === 'date' ? date.toISOString().slice(0, 10) : localDateTime(date);
  }
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

/**
 * The typed variable the server expects for an input's value (Long, Boolean, Date, String), or
 * the problem the client can tell without asking: a missing required value, a non-integer, a
 * malformed date. Length and range constraints are the server's to check (one place for the rule).
 * An empty optional field is sent as a typed null so clearing a field clears the variable.
 */
export function toTypedVariable(field: FormField, raw: RawValue): Conversion {
  const type = VARIABLE_TYPE[field.type];
  if (typeof raw === 'boolean') return { ok: true, variable: { value: raw, type } };
  const text = field.type === 'string' ? raw : raw.trim();
  if (text === '') {
    return hasConstraint(field, 'required')
      ? { ok: false, error: 'required' }
      : { ok: true, variable: { value: null, type } };
  }
  switch (kindOf(field)) {
    case 'number': {
      const number = Number(text);
      return INTEGER.test(text) && Number.isSafeInteger(number)
        ? { ok: true, variable: { value: number, type } }
        : { ok: false, error: 'wholeNumber' };
    }
    case 'date':
      return DAY.test(text) && Number.isFinite(Date.parse(`${text}T00:00:00Z`))
        ? { ok: true, variable: { value: `${text}T00:00:00.000+0000`, type } }
        : { ok: false, error: 'date' };
    case 'datetime': {
      const time = LOCAL_DATE_TIME.test(text) ? new Date(text).getTime() : NaN;
      return Number.isFinite(time)
        ? { ok: true, variable: { value: camundaDate(new Date(time)), type } }
        : { ok: false, error: 'date' };
    }
    default:
      return { ok: true, variable: { value: text, type } };
  }
}

export interface CheckedForm {
  variables: Record<string, TypedValue>;
  errors: Record<string, FieldError>;
}

/** Converts every editable field; read-only fields are not sent (the server keeps their value). */
export function checkForm(
  fields: readonly FormField[],
  raws: Record<string, RawValue>,
): CheckedForm {
  const variables: Record<string, TypedValue> = {};
  const errors: Record<string, FieldError> = {};
  for (const field of fields) {
    if (hasConstraint(field, 'readonly')) continue;
    const conversion = toTypedVariable(field, raws[field.id] ?? '');
    if (!conversion.ok) errors[field.id] = conversion.error;
    else if (conversion.variable) variables[field.id] = conversion.variable;
  }
  return { variables, errors };
}

export interface ServerViolations {
  byField: Record<string, string[]>;
  /** Messages that name no field of the form. */
  other: string[];
}

/** One field a form's 400 refused (an element of its `details`). */
interface FieldDetail {
  field: string;
  message: string;
}

/**
 * Sorts the details of the server's 400 (one per refused field) by field, so each shows next to
 * its input; a 400 without details, or details naming no field of the form, go to `other`.
 */
export function serverViolations(
  message: string,
  details: unknown,
  fieldIds: readonly string[],
): ServerViolations {
  const fields = Array.isArray(details) ? details.filter(isFieldDetail) : [];
  if (fields.length === 0) return { byField: {}, other: [message] };
  const result: ServerViolations = { byField: {}, other: [] };
  for (const { field, message: text } of fields) {
    if (fieldIds.includes(field)) (result.byField[field] ??= []).push(text);
    else result.other.push(text);
  }
  return result;
}

function isFieldDetail(value: unknown): value is FieldDetail {
  const detail = value as Partial<FieldDetail> | null;
  return typeof detail?.field === 'string' && typeof detail.message === 'string';
}

function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}
