/** What went wrong, independent of HTTP; CamundaExceptionFilter maps each code to a status. */
export enum ErrorCode {
  InvalidRequest = 'INVALID_REQUEST',
  NotFound = 'NOT_FOUND',
  Unauthorized = 'UNAUTHORIZED',
  Forbidden = 'FORBIDDEN',
  Conflict = 'CONFLICT',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  Unavailable = 'UNAVAILABLE',
}

/** One particular of an error for the response body's `details`: which input, what is wrong. */
export interface ErrorDetail {
  field: string;
  message: string;
}

/** A domain error: carries a code and a message safe to show to the caller. */
export class ConveyorError extends Error {
  /** Per-input particulars, sent as `details` next to Camunda's type and message. */
  readonly details?: readonly ErrorDetail[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Camunda's exception type name for the response body, when it differs from the code's default. */
    readonly camundaType?: string,
  ) {
    super(message);
    this.name = 'ConveyorError';
  }
}
