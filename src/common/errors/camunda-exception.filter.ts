import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { ConveyorError, ErrorCode } from './conveyor-error.js';

/**
 * Camunda 7's error body: `{ "type": "...Exception", "message": "..." }`, with `details` when the
 * error has them (a ParseException's report, a refused form's fields).
 */
export interface CamundaErrorBody {
  type: string;
  message: string;
  details?: object;
}

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.InvalidRequest]: HttpStatus.BAD_REQUEST,
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.Unauthorized]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.TooManyRequests]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'InvalidRequestException',
  401: 'AuthenticationException',
  403: 'AuthorizationException',
  404: 'InvalidRequestException',
  409: 'OptimisticLockingException',
  413: 'InvalidRequestException',
  429: 'AuthenticationException',
  503: 'ProcessEngineException',
};

/** The one place where errors become HTTP responses. Never leaks a stack trace. */
@Catch()
export class CamundaExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.toResponse(exception);
    if (status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (!response.headersSent) response.status(status).json(body);
  }

  private toResponse(exception: unknown): [number, CamundaErrorBody] {
    if (exception instanceof ConveyorError) {
      const status = STATUS_BY_CODE[exception.code];
      const body: CamundaErrorBody = {
        type: exception.camundaType ?? typeFor(status),
        message: exception.message,
      };
      if (exception.details) body.details = exception.details;
      return [status, body];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return [status, { type: typeFor(status), message: messageOf(exception) }];
    }
    // Errors raised by Express middleware (malformed JSON, body too large) carry an HTTP status.
    const status = (exception as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = (exception as Error).message || 'Invalid request';
      return [status, { type: typeFor(status), message }];
    }
    return [500, { type: 'ProcessEngineException', message: 'Internal server error' }];
  }
}

function typeFor(status: number): string {
  return TYPE_BY_STATUS[status] ?? (status >= 500 ? 'ProcessEngineException' : 'RestException');
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}
