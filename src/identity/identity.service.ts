import { Injectable } from '@nestjs/common';
import { CredentialsService } from '../auth/credentials.service.js';
import type { GroupInfoDto, VerifyResultDto } from './dto/identity.dto.js';
import { GroupRepository } from './group.repository.js';
import { displayNameOf } from './user-profile.mapper.js';
import { LoginRateLimiter } from '../auth/login-rate-limiter.js';

/** Camunda's /identity resource: a user's groups and colleagues, and checking a password. */
@Injectable()
export class IdentityService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly credentials: CredentialsService,
    private readonly limiter: LoginRateLimiter,
  ) {}

  async groupInfo(userId: string): Promise<GroupInfoDto> {
    const [groups, users] = await Promise.all([
      this.groups.groupsOf(userId),
      this.groups.usersSharingGroupsWith(userId),
    ]);
    return {
      groups: groups.map((group) => ({ id: group.id, name: group.name })),
      groupUsers: users.map((user) => ({
        id: user.id,
        firstName: user.first_name,
        lastName: user.last_name,
        displayName: displayNameOf(user),
      })),
    };
  }

  /** Counts as a login attempt: wrong passwords spend the same budget as failed logins. */
  async verify(username: string, password: string, address: string): Promise<VerifyResultDto> {
    this.limiter.check(username, address);
    const authenticated = await this.credentials.verify(username, password);
    if (authenticated) this.limiter.recordSuccess(username);
    else this.limiter.recordFailure(username, address);
    return { authenticatedUser: username, authenticated };
  }
}
