import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { ACCESS_KEY, PUBLIC_KEY } from './access.decorator.js';
import { CallerCache } from './caller-cache.js';
import { CredentialsService } from './credentials.service.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import type { Role } from './roles.js';
import { CSRF_HEADER, cookieValue, SESSION_COOKIE, SessionService } from './session.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every request: authenticate (HTTP Basic, as Camunda's REST API does, or the web app's session
 * cookie), then allow only the roles the route declares. Anonymous callers get 401, others 403.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly credentials: CredentialsService,
    private readonly sessions: SessionService,
    private readonly callers: CallerCache,
    private readonly limiter: LoginRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { caller?: CallerInfo }>();
    const response = context.switchToHttp().getResponse<Response>();
    refuseCrossSiteWrites(request);
    const caller = await this.authenticate(request, response);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ACCESS_KEY, targets);
    if (!roles?.some((role) => caller.roles.has(role))) {
      throw new ConveyorError(
        ErrorCode.Forbidden,
        `The user with id '${caller.userId}' is not allowed to ${request.method} ${request.path}`,
      );
    }
    request.caller = caller;
    return true;
  }

  private async authenticate(request: Request, response: Response): Promise<CallerInfo> {
    const header = request.headers.authorization;
    if (header?.startsWith('Basic ')) return this.basic(header.slice(6), request, response);
    const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (token) return this.session(token, request);
    throw unauthenticated(request, response, 'Authentication required');
  }

  private async basic(encoded: string, request: Request, response: Response): Promise<CallerInfo> {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const userId = colon > 0 ? decoded.slice(0, colon) : '';
    const password = colon > 0 ? decoded.slice(colon + 1) : '';
    const address = request.ip ?? 'unknown';
    this.limiter.check(userId, address);
    const caller =
      userId && (await this.credentials.verify(userId, password))
        ? await this.callers.load(userId)
        : null;
    if (!caller) {
      this.limiter.recordFailure(userId, address);
      throw unauthenticated(request, response, 'Wrong user id or password');
    }
    this.limiter.recordSuccess(userId);
    return caller;
  }

  private async session(token: string, request: Request): Promise<CallerInfo> {
    const session = await this.sessions.find(token);
    const caller = session ? await this.callers.load(session.user_id) : null;
    if (!session || !caller) throw new ConveyorError(ErrorCode.Unauthorized, 'Session expired');
    // The cookie is SameSite=Strict; a write also needs the token only the web app can read.
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrf_token) {
      throw new ConveyorError(ErrorCode.Forbidden, 'Missing or wrong CSRF token');
    }
    return caller;
  }
}

/** A browser page of another site must not write with credentials the browser remembered. */
function refuseCrossSiteWrites(request: Request): void {
  const origin = request.headers.origin;
  if (SAFE_METHODS.has(request.method) || !origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    host = '';
  }
  if (host !== request.headers.host) {
    throw new ConveyorError(ErrorCode.Forbidden, 'Cross-site requests may not change anything');
  }
}

function unauthenticated(request: Request, response: Response, message: string): ConveyorError {
  if (request.path.startsWith('/engine-rest')) {
    response.setHeader('WWW-Authenticate', 'Basic realm="Conveyor", charset="UTF-8"');
  }
  return new ConveyorError(ErrorCode.Unauthorized, message);
}
