import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { Clock } from '../common/clock.js';
import { AuthRepository, type SessionRow } from './auth.repository.js';

export const SESSION_COOKIE = 'conveyor_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_TTL_MS = 8 * 3600_000;

/** Web-app sessions: a random token in an HttpOnly cookie; only its SHA-256 is stored. */
@Injectable()
export class SessionService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly clock: Clock,
  ) {}

  async open(userId: string): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
    const now = this.clock.now();
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await this.repository.deleteExpiredSessions(now);
    await this.repository.createSession({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created: now,
      expires_at: expiresAt,
    });
    return { token, csrfToken, expiresAt };
  }

  find(token: string): Promise<SessionRow | null> {
    return this.repository.findSession(hashToken(token), this.clock.now());
  }

  close(token: string): Promise<void> {
    return this.repository.deleteSession(hashToken(token));
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The value of one cookie from a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
