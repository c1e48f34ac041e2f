/** The built-in camunda:formData field types Conveyor supports. */
export type FormFieldType = 'string' | 'long' | 'boolean' | 'date' | 'enum';

export const FORM_FIELD_TYPES: readonly FormFieldType[] = [
  'string',
  'long',
  'boolean',
  'date',
  'enum',
];

/** Camunda's built-in validators; custom `validator` classes cannot run here. */
export type FormConstraintName =
  'required' | 'readonly' | 'minlength' | 'maxlength' | 'min' | 'max';

export const FORM_CONSTRAINT_NAMES: readonly FormConstraintName[] = [
  'required',
  'readonly',
  'minlength',
  'maxlength',
  'min',
  'max',
];

/** Camunda's default pattern for `date` form fields without a `datePattern` attribute. */
export const DEFAULT_DATE_PATTERN = 'dd/MM/yyyy';

/** One `camunda:formField` of a user task or start event form. */
export interface FormField {
  id: string;
  label?: string;
  type: FormFieldType;
  /** Literal text or an expression (`${...}`), as written in the diagram. */
  defaultValue?: string;
  /** For `date` fields; `dd/MM/yyyy` when absent. */
  datePattern?: string;
  /** The choices of an `enum` field. */
  values?: { id: string; name?: string }[];
  validation: { name: string; config?: string }[];
  properties?: Record<string, string>;
}

export interface FormViolation {
  field: string;
  message: string;
}
