export * from './form-field.js';
export { parseFormDate } from './form-date.js';
export {
  coerceFormValue,
  normalizeFormSubmission,
  VARIABLE_TYPE_OF_FIELD,
} from './form-value-coercion.js';
export type { Coercion } from './form-value-coercion.js';
export { defaultValueOf, formVariables } from './form-variables.js';
export type { FormOptions } from './form-variables.js';
export { validateFormSubmission } from './validate-form-submission.js';
export { assertValidSubmission, FormValidationError } from './form-validation.error.js';
export { parseFormData } from './parse-form-data.js';
