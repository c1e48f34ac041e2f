import './tasklist.css';
import type { SignedIn } from '../api/auth.js';
import type { AppNotification } from '../api/notifications.js';
import { queryTasks } from '../api/tasks.js';
import { h } from '../app/dom.js';
import type { Page } from '../app/page.js';
import { t } from '../i18n/i18n.js';
import { formatTime, label, relabel } from './labels.js';
import { NotificationBell } from './notification-bell.js';
import { TaskDetailView } from './task-detail-view.js';
import { TaskListView } from './task-list-view.js';

/** How often the list and the unread count are refreshed while the screen is visible. */
const POLL_MS = 10_000;
const TASK_ROUTE = /^#\/tasklist\/task\/([^/?]+)/;

/**
 * The employees' screen: the task list beside the open task (stacked on a phone: list, then the
 * task with a back button), the notification bell, and a poll that keeps both current without
 * touching the selection or a form being filled. The open task is in the address
 * (`#/tasklist/task/<id>`), so a notification or a link can open it.
 */
export function createTasklistPage(user: SignedIn): Page {
  const list = new TaskListView(user.userId, (taskId) => openTask(taskId));
  const placeholder = label('p', 'tasklist.selectTask', { class: 'tasklist-placeholder muted' });
  const detailSlot = h('div', { class: 'tasklist-detail-slot' }, placeholder);
  const notice = h('p', { class: 'tasklist-notice', role: 'status' });
  const updated = h('span', { class: 'tasklist-updated muted' });
  const bell = new NotificationBell((notification) => void openNotification(notification));
  const element = h(
    'section',
    { class: 'page tasklist-page', 'data-layout': 'list' },
    h(
      'header',
      { class: 'tasklist-header' },
      label('h2', 'tasklist.title'),
      updated,
      h('span', { class: 'spacer' }),
      bell.element,
    ),
    notice,
    h('div', { class: 'tasklist-body' }, list.element, detailSlot),
  );
  let detail: TaskDetailView | null = null;
  let lastUpdate: Date | null = null;

  function openTask(taskId: string): void {
    const hash = `#/tasklist/task/${encodeURIComponent(taskId)}`;
    if (location.hash !== hash)
      location.hash = hash; // → followRoute
    else showTask(taskId);
  }

  function showTask(taskId: string | null): void {
    element.dataset.layout = taskId ? 'detail' : 'list';
    list.select(taskId);
    if (detail?.taskId === taskId) return;
    detail?.dispose();
    detail = null;
    if (!taskId) {
      detailSlot.replaceChildren(placeholder);
      return;
    }
    detail = new TaskDetailView(taskId, user.userId, {
      changed: () => void list.reload(true),
      completed: (name) => {
        setNotice('success', t('tasklist.form.completed', { name }));
        location.hash = '#/tasklist';
        void list.reload(true);
      },
      back: () => (location.hash = '#/tasklist'),
    });
    detailSlot.replaceChildren(detail.element);
    window.scrollTo(0, 0);
  }

  function followRoute(): void {
    if (!location.hash.startsWith('#/tasklist')) return;
    const match = TASK_ROUTE.exec(location.hash);
    if (match) setNotice('', '');
    showTask(match ? decodeURIComponent(match[1]) : null);
  }

  /** A notification opens its task, else the instance's first open task the user may see. */
  async function openNotification(notification: AppNotification): Promise<void> {
    if (notification.taskId) return openTask(notification.taskId);
    if (!notification.processInstanceId) return;
    const [task] = await queryTasks({ processInstanceId: notification.processInstanceId }, 0, 1);
    if (task) openTask(task.id);
    else setNotice('info', t('tasklist.notifications.noTask'));
  }

  function setNotice(kind: string, text: string): void {
    notice.dataset.kind = kind;
    notice.textContent = text;
  }

  async function poll(): Promise<void> {
    if (document.visibilityState !== 'visible' || !element.isConnected) return;
    await Promise.all([list.reload(true), bell.refresh(), detail?.refresh()]);
    lastUpdate = new Date();
    showUpdated();
  }

  function showUpdated(): void {
    updated.textContent = lastUpdate ? t('tasklist.updated', { time: formatTime(lastUpdate) }) : '';
  }

  const timer = window.setInterval(() => void poll(), POLL_MS);
  const onVisible = () => {
    if (document.visibilityState === 'visible') void poll();
  };
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('hashchange', followRoute);
  void list.reload().then(() => {
    lastUpdate = new Date();
    showUpdated();
  });
  followRoute();

  return {
    element,
    retranslate() {
      relabel(element);
      list.retranslate();
      bell.retranslate();
      detail?.retranslate();
      showUpdated();
    },
    hasUnsavedChanges: () => detail?.isDirty() ?? false,
    dispose() {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('hashchange', followRoute);
      bell.dispose();
      detail?.dispose();
    },
  };
}
