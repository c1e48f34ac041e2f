import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IdentityModule } from '../identity/identity.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthRepository } from './auth.repository.js';
import { CallerCache } from './caller-cache.js';
import { CredentialsService } from './credentials.service.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { SessionService } from './session.service.js';

@Global()
@Module({
  imports: [IdentityModule],
  controllers: [AuthController],
  providers: [
    AuthRepository,
    CallerCache,
    CredentialsService,
    SessionService,
    LoginRateLimiter,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthRepository, CallerCache, CredentialsService, SessionService, LoginRateLimiter],
})
export class AuthModule {}
