import type { VariableValue } from '../api/cockpit-types.js';

/** The variable types a manager can set by hand. */
export const EDITABLE_TYPES = [
  'String',
  'Long',
  'Integer',
  'Double',
  'Boolean',
  'Date',
  'Json',
] as const;
export type EditableType = (typeof EDITABLE_TYPES)[number];

export type ParsedInput =
  | { ok: true; variable: VariableValue }
  | { ok: false; problem: 'integer' | 'number' | 'boolean' | 'date' | 'json' };

/** The typed variable a text stands for, as PUT /process-instance/{id}/variables/{name} takes it. */
export function parseVariableInput(type: EditableType, text: string): ParsedInput {
  const trimmed = text.trim();
  switch (type) {
    case 'String':
      return { ok: true, variable: { value: text, type } };
    case 'Long':
    case 'Integer': {
      const number = Number(trimmed);
      const fits =
        /^-?\d+$/.test(trimmed) &&
        Number.isSafeInteger(number) &&
        (type === 'Long' || Math.abs(number) <= 2_147_483_647);
      return fits
        ? { ok: true, variable: { value: number, type } }
        : { ok: false, problem: 'integer' };
    }
    case 'Double': {
      const number = Number(trimmed);
      return trimmed !== '' && Number.isFinite(number)
        ? { ok: true, variable: { value: number, type } }
        : { ok: false, problem: 'number' };
    }
    case 'Boolean':
      return /^(true|false)$/i.test(trimmed)
        ? { ok: true, variable: { value: trimmed.toLowerCase() === 'true', type } }
        : { ok: false, problem: 'boolean' };
    case 'Date': {
      const date = new Date(trimmed.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      return trimmed && !Number.isNaN(date.getTime())
        ? { ok: true, variable: { value: date.toISOString().replace('Z', '+0000'), type } }
        : { ok: false, problem: 'date' };
    }
    case 'Json':
      try {
        JSON.parse(trimmed);
        return { ok: true, variable: { value: trimmed, type } };
      } catch {
        return { ok: false, problem: 'json' };
      }
  }
}

/** A variable's value as text for a table cell or an edit box. */
export function variableText(variable: Pick<VariableValue, 'value'>): string {
  const { value } = variable;
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The type to edit a variable as: its own when editable, else String. */
export function editableTypeOf(type: string): EditableType {
  return (EDITABLE_TYPES as readonly string[]).includes(type) ? (type as EditableType) : 'String';
}
