/**
 * Raised for any failure to parse or evaluate a diagram expression (JUEL `${…}` or FEEL `=…`).
 * Carries the full expression text and, for syntax errors, the 0-based offset in that text.
 * The engine adapter decides what it becomes (an incident at run time, a 400 at deployment).
 */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';

  constructor(
    message: string,
    /** The whole expression text as written in the diagram. */
    readonly expression: string,
    /** 0-based offset of the offending character in `expression`, for syntax errors. */
    readonly position?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * An evaluation failure below the expression level (coercion, refused member access…).
 * The template evaluator wraps it into an ExpressionError that names the expression.
 */
export class EvaluationFailure extends Error {
  override readonly name = 'EvaluationFailure';
}
