import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CallerCache } from '../auth/caller-cache.js';
import { hasRole, type CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { WorkTracker } from '../common/work-tracker.js';
import type { UserProfileUpdateDto } from './dto/user.dto.js';
import { IdentityOperationLog } from './identity-operation-log.js';
import { checkManager } from './manager-hierarchy.js';
import { userNotFound } from './user.service.js';
import { UserRepository, type UserProfileFields } from './user.repository.js';

/**
 * PUT /user/{id}/profile. As in Camunda the names and e-mail are replaced (a missing one becomes
 * null); `managerId` changes only when the body has it. Admins change anyone's profile; a user
 * changes their own, except who their manager is.
 */
@Injectable()
export class UpdateUserProfileCommand {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly log: IdentityOperationLog,
    private readonly work: WorkTracker,
    private readonly callers: CallerCache,
  ) {}

  async execute(id: string, dto: UserProfileUpdateDto, caller: CallerInfo): Promise<void> {
    const isAdmin = hasRole(caller, 'admin');
    if (!isAdmin && caller.userId !== id) {
      throw new ConveyorError(
        ErrorCode.Forbidden,
        `The user with id '${caller.userId}' may not change the profile of '${id}'`,
      );
    }
    if (dto.id !== undefined && dto.id !== id) {
      throw new ConveyorError(ErrorCode.InvalidRequest, 'The id of a user cannot be changed');
    }
    await this.work.run(() =>
      this.dataSource.transaction(async (tx) => {
        // The hierarchy lock comes before any row lock, so two changes never wait on each other.
        if (dto.managerId !== undefined) await this.users.lockHierarchy(tx);
        const before = await this.users.lock(tx, id);
        if (!before) throw userNotFound(id);
        const after: UserProfileFields = {
          firstName: dto.firstName ?? null,
          lastName: dto.lastName ?? null,
          email: dto.email ?? null,
          managerId: dto.managerId === undefined ? before.manager_id : dto.managerId,
        };
        if (after.managerId !== before.manager_id) {
          if (!isAdmin) {
            throw new ConveyorError(
              ErrorCode.Forbidden,
              'Only an administrator can change who manages a user',
            );
          }
          if (after.managerId !== null) await checkManager(tx, this.users, id, after.managerId);
        }
        await this.users.updateProfile(tx, id, after);
        await this.log.record(
          tx,
          caller,
          'Update',
          'User',
          { userId: id },
          {
            firstName: [before.first_name, after.firstName],
            lastName: [before.last_name, after.lastName],
            email: [before.email, after.email],
            managerId: [before.manager_id, after.managerId],
          },
        );
      }),
    );
    // A new manager reshapes the teams (remembered callers) above both the old and the new one.
    if (dto.managerId !== undefined) this.callers.forgetAll();
  }
}
