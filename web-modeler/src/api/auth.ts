import { request, setCsrfToken } from './client.js';

/** The signed-in user as /api/auth/login and /api/auth/me describe them. */
export interface SignedIn {
  userId: string;
  roles: string[];
  groupIds: string[];
  csrfToken: string;
}

export async function login(username: string, password: string): Promise<SignedIn> {
  const user = await request<SignedIn>('/api/auth/login', {
    method: 'POST',
    body: { username, password },
    redirectOn401: false,
  });
  setCsrfToken(user.csrfToken);
  return user;
}

/** The current session's user, or null when there is no valid session. */
export async function currentUser(): Promise<SignedIn | null> {
  try {
    const user = await request<SignedIn>('/api/auth/me', { redirectOn401: false });
    setCsrfToken(user.csrfToken);
    return user;
  } catch {
    return null;
  }
}

export async function logout(): Promise<void> {
  await request<void>('/api/auth/logout', { method: 'POST', redirectOn401: false });
  setCsrfToken('');
}
