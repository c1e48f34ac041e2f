import { hasRole, type CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import type { TaskRow } from './task.repository.js';

/**
 * What a caller is to one task, each flag computed by src/auth/visibility.ts for a different scope:
 * - visible: the caller may see it (admins and analysts see every task);
 * - inTeam: it is within the caller's operating scope (a manager's team, otherwise the caller's own
 *   work): seeing everything as an analyst gives no right to change anything;
 * - own: the caller personally is its assignee or a candidate (as user or through a group).
 */
export interface TaskAccess {
  visible: boolean;
  inTeam: boolean;
  own: boolean;
}

/** A change of a task, with the user it hands the task to where there is one. */
export type TaskChange =
  | { kind: 'claim'; userId: string }
  | { kind: 'unclaim' }
  | { kind: 'assign'; userId: string | null }
  | { kind: 'delegate'; userId: string }
  | { kind: 'complete' }
  | { kind: 'resolve' };

/** The caller without the analyst's read-everything: the tasks they may operate on. */
export function operatingScope(caller: CallerInfo): CallerInfo {
  if (!caller.roles.has('analyst') || hasRole(caller, 'admin')) return caller;
  return { ...caller, roles: new Set([...caller.roles].filter((role) => role !== 'analyst')) };
}

/** The caller as a plain employee: only the tasks they are assignee or candidate of. */
export function personalScope(caller: CallerInfo): CallerInfo {
  return {
    userId: caller.userId,
    roles: new Set(['employee']),
    groupIds: caller.groupIds,
    teamUserIds: caller.userId === null ? [] : [caller.userId],
    teamGroupIds: caller.groupIds,
  };
}

/**
 * Throws 403 unless the caller may make the change on a task they can see (the caller checks
 * visibility first and answers 404 otherwise). Admins may do anything; a manager may operate on
 * their team's tasks and hand them only to team members; an employee may claim a task they are a
 * candidate of for themselves, pass on (unclaim, assign, delegate) a task assigned to them, and
 * complete a task assigned to them or, while unassigned, one they are a candidate of.
 */
export function assertMayChange(
  caller: CallerInfo,
  task: TaskRow,
  access: TaskAccess,
  change: TaskChange,
): void {
  if (hasRole(caller, 'admin')) return;
  if (asManager(caller, access, change) || asEmployee(caller, task, access, change)) return;
  throw new ConveyorError(
    ErrorCode.Forbidden,
    `User '${caller.userId ?? ''}' may not ${change.kind} task '${task.id}': ${refusal(caller, task, access, change)}`,
  );
}

function asManager(caller: CallerInfo, access: TaskAccess, change: TaskChange): boolean {
  if (!hasRole(caller, 'manager') || !access.inTeam) return false;
  const target = handedTo(change);
  return target === null || caller.teamUserIds.includes(target);
}

function asEmployee(
  caller: CallerInfo,
  task: TaskRow,
  access: TaskAccess,
  change: TaskChange,
): boolean {
  if (!access.own || caller.userId === null) return false;
  const assignedToCaller = task.assignee === caller.userId;
  switch (change.kind) {
    case 'claim':
      return change.userId === caller.userId;
    case 'unclaim':
    case 'assign':
    case 'delegate':
      return assignedToCaller;
    case 'complete':
    case 'resolve':
      return assignedToCaller || task.assignee === null;
  }
}

/** Who the change makes the assignee; null when it makes nobody (or keeps the assignee). */
function handedTo(change: TaskChange): string | null {
  return 'userId' in change ? change.userId : null;
}

function refusal(
  caller: CallerInfo,
  task: TaskRow,
  access: TaskAccess,
  change: TaskChange,
): string {
  if (hasRole(caller, 'manager') && access.inTeam) {
    return `'${handedTo(change) ?? ''}' is not a member of their team`;
  }
  if (!access.own) return 'it is neither assigned to them nor are they a candidate';
  if (change.kind === 'claim') return 'a task can be claimed only for oneself';
  if (task.assignee === null) return 'it is not assigned to them';
  return 'it is assigned to someone else';
}
