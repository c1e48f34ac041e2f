import { SetMetadata } from '@nestjs/common';
import { ALL_ROLES, type Role } from './roles.js';

export const ACCESS_KEY = 'conveyor:access';
export const PUBLIC_KEY = 'conveyor:public';

/**
 * The roles that may call a route. Every route declares one (or @Public): the guard refuses routes
 * without, so a forgotten declaration denies instead of allowing. Object-level checks (whose task,
 * whose instance) happen in the services, with the caller.
 */
export const Access = (...roles: Role[]) => SetMetadata(ACCESS_KEY, roles);

/** Any signed-in user; the service narrows what they see to their own and their team's objects. */
export const AnyUser = () => Access(...ALL_ROLES);

/** No credentials needed (health probes, login). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
