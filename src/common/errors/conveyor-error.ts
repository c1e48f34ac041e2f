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

/** A domain error: carries a code and a message safe to show to the caller. */
export class ConveyorError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Camunda's exception type name for the response body, when it differs from the code's default. */
    readonly camundaType?: string,
    /**
     * The response body's `details`: a list of refused form fields (`{ field, message }`), or Camunda's
     * ParseException report (problems per resource name).
     */
    readonly details?: object,
  ) {
    super(message);
    this.name = 'ConveyorError';
  }
}
