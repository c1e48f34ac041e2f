import './notification-bell.css';
import {
  listNotifications,
  markNotificationRead,
  unreadNotificationCount,
  type AppNotification,
} from '../api/notifications.js';
import { h } from '../app/dom.js';
import { t } from '../i18n/i18n.js';
import { errorText, formatDateTime, label } from './labels.js';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The bell in the tasklist header: the unread count (refreshed by the page's poll) and, when
 * opened, the newest notifications with "mark read" and, for those about a task or process
 * instance, "open".
 */
export class NotificationBell {
  readonly element: HTMLElement;
  private readonly count = h('span', { class: 'notification-count', 'data-count': '0' });
  private readonly button = h(
    'button',
    {
      type: 'button',
      class: 'notification-button',
      'data-action': 'notifications',
      'aria-expanded': 'false',
      'data-i18n-title': 'tasklist.notifications',
      onclick: () => void this.toggle(),
    },
    bellIcon(),
    this.count,
  );
  private readonly list = h('ul', { class: 'notification-list' });
  private readonly panel = h(
    'div',
    { class: 'notification-panel', hidden: true },
    label('h3', 'tasklist.notifications'),
    this.list,
  );
  private notifications: AppNotification[] = [];
  private unread = 0;

  constructor(private readonly onOpen: (notification: AppNotification) => void) {
    this.button.title = t('tasklist.notifications');
    this.element = h('div', { class: 'notification-bell' }, this.button, this.panel);
    document.addEventListener('click', this.closeOnOutsideClick);
    void this.refresh();
  }

  /** The unread count, and the list while it is open. */
  async refresh(): Promise<void> {
    try {
      this.unread = await unreadNotificationCount();
      this.renderCount();
      if (!this.panel.hidden) await this.loadList();
    } catch {
      // The poll tries again; the tasklist works without notifications.
    }
  }

  retranslate(): void {
    this.renderCount();
    this.renderList();
  }

  dispose(): void {
    document.removeEventListener('click', this.closeOnOutsideClick);
  }

  private readonly closeOnOutsideClick = (event: Event): void => {
    if (!this.panel.hidden && !this.element.contains(event.target as Node)) this.setOpen(false);
  };

  private async toggle(): Promise<void> {
    this.setOpen(this.panel.hidden);
    if (!this.panel.hidden) await this.loadList();
  }

  private setOpen(open: boolean): void {
    this.panel.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
  }

  private async loadList(): Promise<void> {
    try {
      this.notifications = await listNotifications();
      this.renderList();
    } catch (error) {
      this.list.replaceChildren(h('li', { class: 'muted' }, errorText(error)));
    }
  }

  private async markRead(notification: AppNotification): Promise<void> {
    if (notification.read) return;
    await markNotificationRead(notification.id);
    notification.read = true;
    this.unread = Math.max(0, this.unread - 1);
    this.renderCount();
    this.renderList();
    await this.refresh();
  }

  private renderCount(): void {
    this.count.textContent = this.unread > 0 ? String(this.unread) : '';
    this.count.dataset.count = String(this.unread);
    this.button.setAttribute(
      'aria-label',
      `${t('tasklist.notifications')}. ${t('tasklist.notifications.unread', { count: this.unread })}`,
    );
  }

  private renderList(): void {
    if (this.notifications.length === 0) {
      this.list.replaceChildren(label('li', 'tasklist.notifications.none', { class: 'muted' }));
      return;
    }
    this.list.replaceChildren(...this.notifications.map((n) => this.item(n)));
  }

  private item(notification: AppNotification): HTMLElement {
    const opens = notification.taskId !== null || notification.processInstanceId !== null;
    return h(
      'li',
      {
        'data-notification-id': notification.id,
        'data-read': String(notification.read),
      },
      notification.title ? h('strong', {}, notification.title) : null,
      h('p', {}, notification.text),
      h('small', { class: 'muted' }, formatDateTime(notification.created)),
      h(
        'div',
        { class: 'notification-actions' },
        opens
          ? label('button', 'tasklist.notifications.open', {
              type: 'button',
              'data-action': 'open-notification',
              onclick: () => {
                this.setOpen(false);
                this.onOpen(notification);
                void this.markRead(notification);
              },
            })
          : null,
        notification.read
          ? null
          : label('button', 'tasklist.notifications.markRead', {
              type: 'button',
              'data-action': 'mark-read',
              onclick: () => void this.markRead(notification),
            }),
      ),
    );
  }
}

/** A bell drawn as SVG: no emoji font is needed (phones and servers often lack one). */
function bellIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('notification-icon');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute(
    'd',
    'M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z',
  );
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}
