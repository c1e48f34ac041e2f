/**
 * Roles, deny by default. A role is membership of a SYSTEM group, so administrators manage roles
 * with Camunda's /group API; a user in none of them is an employee. `worker` is the technical
 * account of an integration (accounting, production, an SMS gateway): external tasks and messages.
 */
export type Role = 'admin' | 'analyst' | 'manager' | 'employee' | 'worker';

export const ROLE_GROUPS: Readonly<Record<Exclude<Role, 'employee'>, string>> = {
  admin: 'camunda-admin',
  analyst: 'conveyor-analysts',
  manager: 'conveyor-managers',
  worker: 'conveyor-workers',
};

export const ALL_ROLES: readonly Role[] = ['admin', 'analyst', 'manager', 'employee', 'worker'];

export function rolesOf(groupIds: readonly string[]): Set<Role> {
  const roles = new Set<Role>(['employee']);
  for (const [role, group] of Object.entries(ROLE_GROUPS) as [Role, string][]) {
    if (groupIds.includes(group)) roles.add(role);
  }
  return roles;
}
