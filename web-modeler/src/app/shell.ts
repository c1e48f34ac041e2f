import { logout, type SignedIn } from '../api/auth.js';
import { onLanguageChange, t } from '../i18n/i18n.js';
import { h } from './dom.js';
import { languageSwitch } from './language-switch.js';
import type { Page, PageFactory } from './page.js';
import { currentRouteName, navigate, routesFor, type RouteName } from './routes.js';

/**
 * The frame around every screen once signed in: navigation to the screens the user's roles
 * allow, the language switch, sign-out. Screens are created on first visit and kept, so
 * switching between the modeler and the tasklist does not lose a diagram being drawn.
 */
export class Shell {
  private readonly pages = new Map<RouteName, Page>();
  private readonly main = h('main', { class: 'shell-main' });
  private readonly links = new Map<RouteName, HTMLAnchorElement>();
  private readonly logoutButton = h('button', { type: 'button', class: 'logout' });
  private current: RouteName | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly root: HTMLElement,
    private readonly user: SignedIn,
    private readonly factories: Record<RouteName, PageFactory>,
    private readonly onSignedOut: () => void,
  ) {
    for (const route of routesFor(user)) {
      this.links.set(route.name, h('a', { href: `#/${route.name}`, 'data-route': route.name }));
    }
    this.logoutButton.addEventListener('click', () => void this.signOut());
    const header = h(
      'header',
      { class: 'shell-header' },
      h('span', { class: 'brand' }, 'Conveyor'),
      h('nav', {}, ...this.links.values()),
      h('span', { class: 'spacer' }),
      languageSwitch(),
      h('span', { class: 'user' }, user.userId),
      this.logoutButton,
    );
    root.replaceChildren(header, this.main);
    this.unsubscribe = onLanguageChange(() => this.retranslate());
    this.retranslate();
  }

  /** Shows the screen named in the address bar, or the user's first screen. */
  showCurrentRoute(): void {
    const wanted = currentRouteName();
    const allowed = routesFor(this.user).map((route) => route.name);
    const name = wanted && wanted !== 'login' && allowed.includes(wanted) ? wanted : allowed[0];
    if (!name) return;
    if (name === this.current) return;
    if (wanted !== name) navigate(name);
    let page = this.pages.get(name);
    if (!page) {
      page = this.factories[name](this.user);
      this.pages.set(name, page);
    }
    this.current = name;
    for (const [route, link] of this.links) link.classList.toggle('active', route === name);
    this.main.replaceChildren(page.element);
  }

  /** Whether a screen holds work that leaving the web app would lose (a diagram not deployed). */
  hasUnsavedWork(): boolean {
    return [...this.pages.values()].some((page) => page.hasUnsavedChanges?.() ?? false);
  }

  private retranslate(): void {
    for (const route of routesFor(this.user)) {
      const link = this.links.get(route.name);
      if (link) link.textContent = t(route.label);
    }
    this.logoutButton.textContent = t('nav.logout');
    for (const page of this.pages.values()) page.retranslate?.();
  }

  private async signOut(): Promise<void> {
    if (this.hasUnsavedWork() && !confirm(t('app.unsaved'))) return;
    await logout();
    this.dispose();
    this.onSignedOut();
  }

  dispose(): void {
    this.unsubscribe();
    for (const page of this.pages.values()) page.dispose?.();
    this.pages.clear();
    this.root.replaceChildren();
  }
}
