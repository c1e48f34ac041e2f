import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Caller, type CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { AppConfig } from '../config/app-config.js';
import { AnyUser, Public } from './access.decorator.js';
import { CredentialsService } from './credentials.service.js';
import { LoginDto } from './dto/login.dto.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { cookieValue, SESSION_COOKIE, SessionService } from './session.service.js';
import { AuthRepository } from './auth.repository.js';

export interface SignedInDto {
  userId: string;
  roles: string[];
  groupIds: string[];
  /** Send it back as X-CSRF-Token on every write made with the session cookie. */
  csrfToken: string;
}

/** The web app's login: a session cookie (HttpOnly, SameSite=Strict) instead of Basic on each call. */
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly sessions: SessionService,
    private readonly limiter: LoginRateLimiter,
    private readonly repository: AuthRepository,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedInDto> {
    const address = request.ip ?? 'unknown';
    this.limiter.check(body.username, address);
    const caller = (await this.credentials.verify(body.username, body.password))
      ? await this.repository.loadCaller(body.username)
      : null;
    if (!caller) {
      this.limiter.recordFailure(body.username, address);
      throw new ConveyorError(ErrorCode.Unauthorized, 'Wrong user id or password');
    }
    this.limiter.recordSuccess(body.username);
    const session = await this.sessions.open(body.username);
    response.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.isProduction,
      path: '/',
      expires: session.expiresAt,
    });
    return signedIn(caller, session.csrfToken);
  }

  @AnyUser()
  @Get('me')
  async me(@Caller() caller: CallerInfo, @Req() request: Request): Promise<SignedInDto> {
    const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
    const session = token ? await this.sessions.find(token) : null;
    return signedIn(caller, session?.csrf_token ?? '');
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (token) await this.sessions.close(token);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}

function signedIn(caller: CallerInfo, csrfToken: string): SignedInDto {
  return {
    userId: caller.userId ?? '',
    roles: [...caller.roles],
    groupIds: [...caller.groupIds],
    csrfToken,
  };
}
