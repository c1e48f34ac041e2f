import type { EntityManager } from 'typeorm';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import type { UserRepository } from './user.repository.js';

/**
 * Checks that `managerId` may become the manager of `userId`: an existing user, not the user
 * themselves, nor anyone who (directly or not) reports to them. Call it after
 * UserRepository.lockHierarchy, in the transaction that makes the change; it locks the manager's
 * row so they cannot be deleted meanwhile.
 */
export async function checkManager(
  tx: EntityManager,
  users: UserRepository,
  userId: string,
  managerId: string,
): Promise<void> {
  if (managerId === userId) throw invalid(`'${userId}' cannot be their own manager`);
  if (!(await users.lock(tx, managerId))) {
    throw invalid(`Cannot set the manager of '${userId}': user '${managerId}' does not exist`);
  }
  if (await users.isAtOrAbove(tx, userId, managerId)) {
    throw invalid(
      `Cannot make '${managerId}' the manager of '${userId}': '${managerId}' reports to '${userId}', which would make a cycle`,
    );
  }
}

function invalid(message: string): ConveyorError {
  return new ConveyorError(ErrorCode.InvalidRequest, message);
}
