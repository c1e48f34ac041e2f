import { Injectable } from '@nestjs/common';
import type { CallerInfo } from '../common/caller.decorator.js';
import { Clock } from '../common/clock.js';
import { AuthRepository } from './auth.repository.js';

// Who a caller is (roles, groups, team) costs a recursive query, and every authenticated request
// needs it: it is remembered for a few seconds per user. Identity changes made through this node
// forget everything at once (a membership or manager change reshapes the teams above the user
// too); another node's changes apply here within REMEMBER_MS.
export const REMEMBER_MS = 3_000;
const MAX_REMEMBERED = 10_000;

/** AuthRepository.loadCaller, remembered briefly per user id. */
@Injectable()
export class CallerCache {
  private readonly callers = new Map<string, { caller: CallerInfo; until: number }>();
  /** Bumped by forgetAll, so a load that raced with an identity change is not remembered. */
  private generation = 0;

  constructor(
    private readonly repository: AuthRepository,
    private readonly clock: Clock,
  ) {}

  async load(userId: string): Promise<CallerInfo | null> {
    const now = this.clock.now().getTime();
    const known = this.callers.get(userId);
    if (known && known.until > now) return known.caller;
    const generation = this.generation;
    const caller = await this.repository.loadCaller(userId);
    if (caller && generation === this.generation) {
      if (this.callers.size >= MAX_REMEMBERED) this.callers.clear();
      this.callers.set(userId, { caller, until: now + REMEMBER_MS });
    } else if (!caller) {
      this.callers.delete(userId);
    }
    return caller;
  }

  /** Call after an identity change commits: users, groups, memberships or managers. */
  forgetAll(): void {
    this.generation++;
    this.callers.clear();
  }
}
