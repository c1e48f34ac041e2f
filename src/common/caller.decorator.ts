import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '../auth/roles.js';

/**
 * Who is calling, as the auth guard resolved it. `team` is the caller alone, or for a manager the
 * caller and everyone below them; `teamGroupIds` are the groups of those people.
 */
export interface CallerInfo {
  userId: string | null;
  roles: ReadonlySet<Role>;
  groupIds: readonly string[];
  teamUserIds: readonly string[];
  teamGroupIds: readonly string[];
}

/** The product acting on its own behalf (built-in workers, the job executor): sees everything. */
export const SYSTEM_CALLER: CallerInfo = {
  userId: null,
  roles: new Set(['admin']),
  groupIds: [],
  teamUserIds: [],
  teamGroupIds: [],
};

/** Admins and analysts read everything; managers and employees see their own and their team's work. */
export function seesEverything(caller: CallerInfo): boolean {
  return caller.roles.has('admin') || caller.roles.has('analyst');
}

export function hasRole(caller: CallerInfo, ...roles: Role[]): boolean {
  return roles.some((role) => caller.roles.has(role));
}

/** Nobody: what a handler sees if it asks for the caller on a public route. */
export const ANONYMOUS_CALLER: CallerInfo = {
  userId: null,
  roles: new Set(),
  groupIds: [],
  teamUserIds: [],
  teamGroupIds: [],
};

export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): CallerInfo => {
  const request = context.switchToHttp().getRequest<{ caller?: CallerInfo }>();
  return request.caller ?? ANONYMOUS_CALLER;
});
