import type { SignedIn } from '../api/auth.js';
import type { MessageKey } from '../i18n/ru.js';

/**
 * Hash routes (`#/modeler`): the service serves one index.html at `/` and needs no fallback
 * route, so nothing a screen is called can ever shadow /engine-rest or /api.
 */
export type RouteName = 'modeler' | 'tasklist' | 'cockpit';

export interface Route {
  name: RouteName;
  label: MessageKey;
  /** Roles that see the screen; the service still checks every call. */
  roles: readonly string[];
}

export const ROUTES: readonly Route[] = [
  { name: 'modeler', label: 'nav.modeler', roles: ['admin', 'analyst'] },
  { name: 'tasklist', label: 'nav.tasklist', roles: ['admin', 'analyst', 'manager', 'employee'] },
  { name: 'cockpit', label: 'nav.cockpit', roles: ['admin', 'analyst', 'manager'] },
];

export function routesFor(user: SignedIn): Route[] {
  return ROUTES.filter((route) => route.roles.some((role) => user.roles.includes(role)));
}

/** The route in the address bar, or null for `#/login` and anything unknown. */
export function currentRouteName(): RouteName | 'login' | null {
  const name = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  if (name === 'login') return 'login';
  return ROUTES.some((route) => route.name === name) ? (name as RouteName) : null;
}

export function navigate(name: RouteName | 'login'): void {
  location.hash = `#/${name}`;
}
