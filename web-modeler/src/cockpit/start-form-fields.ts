import type { VariableValue } from '../api/cockpit-types.js';

export type StartFieldType = 'string' | 'long' | 'boolean' | 'date' | 'enum';

/** One camunda:formField of a start event, as the start form renders it. */
export interface StartFormField {
  id: string;
  label: string;
  type: StartFieldType;
  required: boolean;
  readonly: boolean;
  values: { id: string; name: string }[];
  /** minlength, maxlength, min, max as written in the diagram. */
  constraints: Record<string, string>;
}

/** A camunda:formField as written in the diagram (attributes and child elements, unchecked). */
export interface RawFormField {
  id: string | null;
  label: string | null;
  type: string | null;
  values: { id: string | null; name: string | null }[];
  constraints: { name: string | null; config: string | null }[];
}

const TYPES: readonly StartFieldType[] = ['string', 'long', 'boolean', 'date', 'enum'];

/** The fields the start form shows: without an id a field is skipped, an unknown type is text. */
export function startFormFields(raw: readonly RawFormField[]): StartFormField[] {
  return raw
    .filter((field): field is RawFormField & { id: string } => !!field.id)
    .map((field) => {
      const constraints: Record<string, string> = {};
      for (const constraint of field.constraints) {
        if (constraint.name) constraints[constraint.name] = constraint.config ?? '';
      }
      const type = TYPES.includes(field.type as StartFieldType)
        ? (field.type as StartFieldType)
        : 'string';
      return {
        id: field.id,
        label: field.label || field.id,
        type,
        required: 'required' in constraints,
        readonly: 'readonly' in constraints,
        values: field.values
          .filter((value) => value.id)
          .map((value) => ({ id: value.id as string, name: value.name || (value.id as string) })),
        constraints,
      };
    });
}

/**
 * The service's refusal (`Invalid form submission: Field 'amount' must be …; …`) split per field:
 * each part goes to every field it names in quotes; the rest is general.
 */
export function violationsByField(
  message: string,
  fieldIds: readonly string[],
): { byField: Map<string, string[]>; general: string[] } {
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  const text = message.replace(/^Invalid form submission:\s*/, '');
  for (const part of text.split(/;\s*/).filter(Boolean)) {
    const named = fieldIds.filter((id) => part.includes(`'${id}'`));
    if (named.length === 0) general.push(part);
    for (const id of named) byField.set(id, [...(byField.get(id) ?? []), part]);
  }
  return { byField, general };
}

/**
 * The variable a field's input sends, or null to leave it out (empty): the service validates and
 * converts (a long's text to a number, a date's text to a Date), so the texts go as they are.
 * `input` is a checkbox's state for booleans, the input's text otherwise (`yyyy-mm-dd` for dates).
 */
export function fieldVariable(
  field: StartFormField,
  input: string | boolean,
): VariableValue | null {
  if (field.type === 'boolean') return { value: input === true, type: 'Boolean' };
  const text = String(input).trim();
  if (text === '') return null;
  if (field.type === 'date') {
    // A date input's day, sent as Camunda's date at local midnight; the service reads it as a Date.
    const [year, month, day] = text.split('-').map(Number);
    const midnight = new Date(year, month - 1, day);
    return { value: midnight.toISOString().replace('Z', '+0000'), type: 'String' };
  }
  return { value: text, type: 'String' };
}

/** A form variable's default as the input's initial text (`yyyy-mm-dd` for dates) or checkbox state. */
export function initialInput(
  field: StartFormField,
  current: VariableValue | undefined,
): string | boolean {
  const value = current?.value;
  if (field.type === 'boolean') return value === true;
  if (value === null || value === undefined) return '';
  if (field.type === 'date' && typeof value === 'string') {
    const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (Number.isNaN(date.getTime())) return '';
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}
