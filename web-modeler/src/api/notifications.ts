import { request } from './client.js';

/** An in-app notification of GET /api/notifications (dates ISO 8601). */
export interface AppNotification {
  id: string;
  userId: string;
  title: string | null;
  text: string;
  processInstanceId: string | null;
  taskId: string | null;
  created: string;
  readAt: string | null;
  read: boolean;
}

const BASE = '/api/notifications';

/** The signed-in user's notifications, newest first. */
export function listNotifications(maxResults = 20): Promise<AppNotification[]> {
  return request<AppNotification[]>(BASE, { query: { firstResult: 0, maxResults } });
}

export async function unreadNotificationCount(): Promise<number> {
  return (await request<{ count: number }>(`${BASE}/count`, { query: { unread: true } })).count;
}

export function markNotificationRead(id: string): Promise<void> {
  return request<void>(`${BASE}/${encodeURIComponent(id)}/read`, { method: 'POST' });
}
