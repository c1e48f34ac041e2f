import type { EntityManager } from 'typeorm';
import { ROLE_GROUPS } from '../auth/roles.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import type { GroupRepository } from './group.repository.js';

export const ADMIN_GROUP = ROLE_GROUPS.admin;

/**
 * Refuses to take the last member out of the admin group (by removing the membership or deleting
 * the user): nobody could manage users afterwards. Locks the group row, so two admins removing
 * each other at the same time cannot both succeed.
 */
export async function refuseRemovingLastAdmin(
  tx: EntityManager,
  groups: GroupRepository,
  userId: string,
): Promise<void> {
  if (!(await groups.lock(tx, ADMIN_GROUP))) return;
  if (!(await groups.isMember(tx, ADMIN_GROUP, userId))) return;
  if ((await groups.countMembers(tx, ADMIN_GROUP)) <= 1) {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      `'${userId}' is the last member of '${ADMIN_GROUP}': add another administrator first`,
    );
  }
}
