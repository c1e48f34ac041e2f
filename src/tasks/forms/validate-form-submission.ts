import { toEngineValue } from '../../common/variables/serialize-variable.js';
import type { StoredVariable } from '../../common/variables/variable-types.js';
import { coerceFormValue } from './form-value-coercion.js';
import type { FormField, FormViolation } from './form-field.js';
import { defaultValueOf, type FormOptions } from './form-variables.js';

/**
 * Checks a form submission against the fields' types and constraints; one violation per failed
 * check, in field order. Semantics (Camunda's, made explicit):
 * - `required` looks at the value after merging the submission over the current variables, so a
 *   required field already set need not be resubmitted; an explicit null or '' is missing.
 * - `readonly` rejects a submitted value that differs from what the form showed (the current
 *   value, else the default), so clients may echo read-only fields back unchanged. Camunda
 *   rejects any submitted value; we accept the echo that form renderers commonly send.
 * - type, `minlength`/`maxlength` (text) and `min`/`max` (numbers) check submitted values only:
 *   current values came from the process, not from this user. Null submissions skip them.
 * Submitted variables that are not form fields are not checked here.
 */
export function validateFormSubmission(
  fields: FormField[],
  submitted: Map<string, StoredVariable>,
  current: Record<string, unknown>,
  options: FormOptions = {},
): FormViolation[] {
  return fields.flatMap((field) => validateField(field, submitted.get(field.id), current, options));
}

function validateField(
  field: FormField,
  submitted: StoredVariable | undefined,
  current: Record<string, unknown>,
  options: FormOptions,
): FormViolation[] {
  const violations: FormViolation[] = [];
  const violate = (message: string) => violations.push({ field: field.id, message });
  const constraint = (name: string) => field.validation.find((c) => c.name === name);

  let submittedValue: unknown = undefined;
  if (submitted) {
    const coercion = coerceFormValue(field, submitted);
    if (!coercion.ok) violate(coercion.message);
    else submittedValue = toEngineValue(coercion.variable);
  }
  const typeOk = violations.length === 0;
  const merged = submitted ? submittedValue : current[field.id];

  if (constraint('required') && (!submitted || typeOk) && isEmpty(merged)) {
    violate(`Field '${field.id}' is required`);
  }
  if (constraint('readonly') && submitted && typeOk) {
    const shown =
      current[field.id] !== undefined ? current[field.id] : defaultValueOf(field, options);
    if (!sameValue(submittedValue, shown)) violate(`Field '${field.id}' is read-only`);
  }
  if (!submitted || !typeOk || submittedValue === null) return violations;

  if (typeof submittedValue === 'string') {
    const length = [...submittedValue].length; // code points, as a person counts characters
    const min = bound(field, 'minlength', violate);
    const max = bound(field, 'maxlength', violate);
    if (min !== undefined && length < min) {
      violate(`Field '${field.id}' must be at least ${min} characters long`);
    }
    if (max !== undefined && length > max) {
      violate(`Field '${field.id}' must be at most ${max} characters long`);
    }
  }
  if (typeof submittedValue === 'number') {
    const min = bound(field, 'min', violate);
    const max = bound(field, 'max', violate);
    if (min !== undefined && submittedValue < min)
      violate(`Field '${field.id}' must be at least ${min}`);
    if (max !== undefined && submittedValue > max)
      violate(`Field '${field.id}' must be at most ${max}`);
  }
  return violations;
}

/** A constraint's numeric config; a missing or non-numeric config is the diagram's mistake. */
function bound(
  field: FormField,
  name: string,
  violate: (message: string) => void,
): number | undefined {
  const constraint = field.validation.find((c) => c.name === name);
  if (!constraint) return undefined;
  const value = Number(constraint.config?.trim() || NaN);
  if (Number.isFinite(value)) return value;
  violate(`Field '${field.id}' has an invalid ${name} constraint '${constraint.config ?? ''}'`);
  return undefined;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
