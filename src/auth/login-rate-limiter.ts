import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_USER = 5;
const MAX_FAILURES_PER_ADDRESS = 20;
const MAX_KEYS = 50_000;

/**
 * Slows down password guessing: after 5 failed attempts for one user id, or 20 from one address,
 * within 15 minutes, further attempts are refused with 429 until the window passes. Counted per
 * node (in memory): with N nodes an attacker gets at most N times the budget.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  /** Throws 429 when either budget is spent. */
  check(userId: string, address: string): void {
    const now = this.clock.now().getTime();
    const spent =
      this.recent(`user:${userId}`, now).length >= MAX_FAILURES_PER_USER ||
      this.recent(`ip:${address}`, now).length >= MAX_FAILURES_PER_ADDRESS;
    if (spent) {
      throw new ConveyorError(
        ErrorCode.TooManyRequests,
        'Too many failed login attempts; try again later',
      );
    }
  }

  recordFailure(userId: string, address: string): void {
    const now = this.clock.now().getTime();
    if (this.failures.size > MAX_KEYS) this.failures.clear();
    for (const key of [`user:${userId}`, `ip:${address}`]) {
      this.failures.set(key, [...this.recent(key, now), now]);
    }
  }

  recordSuccess(userId: string): void {
    this.failures.delete(`user:${userId}`);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
  }
}
