import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Clock } from '../common/clock.js';
import { IdentityRepository } from '../identity/identity.repository.js';
import { hashPassword, verifyPassword } from '../identity/password-hasher.js';

// HTTP Basic sends the password with every request and scrypt costs ~50 ms by design: a verified
// pair is remembered briefly (by hash, never in clear). A password change forgets the user's entries.
const REMEMBER_MS = 60_000;
const MAX_REMEMBERED = 10_000;

/** Checks a user id and password against the stored scrypt hash. */
@Injectable()
export class CredentialsService {
  private readonly verified = new Map<string, { userId: string; until: number }>();
  private dummyHash: string | undefined;

  constructor(
    private readonly identity: IdentityRepository,
    private readonly clock: Clock,
  ) {}

  async verify(userId: string, password: string): Promise<boolean> {
    const key = createHash('sha256').update(`${userId}\u0000${password}`).digest('hex');
    const now = this.clock.now().getTime();
    const known = this.verified.get(key);
    if (known && known.until > now) return true;
    const user = await this.identity.findUser(userId);
    // An unknown user costs a hash too, so the answer time does not tell which user ids exist.
    const stored = user?.passwordHash ?? (this.dummyHash ??= await hashPassword(randomUUID()));
    const ok = (await verifyPassword(password, stored)) && !!user?.passwordHash;
    if (ok) {
      if (this.verified.size >= MAX_REMEMBERED) this.verified.clear();
      this.verified.set(key, { userId, until: now + REMEMBER_MS });
    }
    return ok;
  }

  /** Forgets remembered verifications of a user (password changed, user deleted). */
  forget(userId: string): void {
    for (const [key, entry] of this.verified)
      if (entry.userId === userId) this.verified.delete(key);
  }
}
