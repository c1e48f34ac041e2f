import { ConveyorError, ErrorCode } from '../../common/errors/conveyor-error.js';
import type { StoredVariable } from '../../common/variables/variable-types.js';
import type { FormField, FormViolation } from './form-field.js';
import type { FormOptions } from './form-variables.js';
import { validateFormSubmission } from './validate-form-submission.js';

/**
 * A rejected form submission: a 400 whose message names every violated field, and whose
 * `details` list them one by one, for clients that show each next to its input.
 */
export class FormValidationError extends ConveyorError {
  declare readonly details: FormViolation[];

  constructor(readonly violations: FormViolation[]) {
    super(
      ErrorCode.InvalidRequest,
      `Invalid form submission: ${violations.map((v) => v.message).join('; ')}`,
      undefined,
      violations,
    );
    this.name = 'FormValidationError';
  }
}

/** Throws a FormValidationError listing every violation, if there is any. */
export function assertValidSubmission(
  fields: FormField[],
  submitted: Map<string, StoredVariable>,
  current: Record<string, unknown>,
  options: FormOptions = {},
): void {
  const violations = validateFormSubmission(fields, submitted, current, options);
  if (violations.length > 0) throw new FormValidationError(violations);
}
