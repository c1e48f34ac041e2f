import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CallerCache } from '../auth/caller-cache.js';
import type { CallerInfo } from '../common/caller.decorator.js';
import { WorkTracker } from '../common/work-tracker.js';
import { GroupRepository } from './group.repository.js';
import { groupNotFound } from './group.service.js';
import { IdentityOperationLog } from './identity-operation-log.js';
import { ADMIN_GROUP, refuseRemovingLastAdmin } from './last-admin.js';
import { UserRepository } from './user.repository.js';
import { userNotFound } from './user.service.js';

/**
 * Adds users to groups and removes them. Membership of a role group (camunda-admin,
 * conveyor-managers, …) is what gives a role, so these are the role changes too; they apply
 * from the user's next request. Both are idempotent, as in Camunda.
 */
@Injectable()
export class GroupMembershipCommand {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupRepository,
    private readonly users: UserRepository,
    private readonly log: IdentityOperationLog,
    private readonly work: WorkTracker,
    private readonly callers: CallerCache,
  ) {}

  async add(groupId: string, userId: string, caller: CallerInfo): Promise<void> {
    await this.work.run(() =>
      this.dataSource.transaction(async (tx) => {
        if (!(await this.groups.lock(tx, groupId))) throw groupNotFound(groupId);
        if (!(await this.users.find(userId, tx))) throw userNotFound(userId);
        if (await this.groups.addMember(tx, groupId, userId)) {
          await this.log.record(tx, caller, 'Create', 'GroupMembership', { groupId, userId });
        }
      }),
    );
    this.callers.forgetAll();
  }

  async remove(groupId: string, userId: string, caller: CallerInfo): Promise<void> {
    await this.work.run(() =>
      this.dataSource.transaction(async (tx) => {
        if (!(await this.groups.lock(tx, groupId))) throw groupNotFound(groupId);
        if (groupId === ADMIN_GROUP) await refuseRemovingLastAdmin(tx, this.groups, userId);
        if (await this.groups.removeMember(tx, groupId, userId)) {
          await this.log.record(tx, caller, 'Delete', 'GroupMembership', { groupId, userId });
        }
      }),
    );
    this.callers.forgetAll();
  }
}
