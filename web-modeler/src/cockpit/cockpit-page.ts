import './cockpit.css';
import type { SignedIn } from '../api/auth.js';
import { h } from '../app/dom.js';
import type { Page } from '../app/page.js';
import type { MessageKey } from '../i18n/ru.js';
import {
  cockpitHash,
  parseCockpitRoute,
  tabOf,
  type CockpitRoute,
  type CockpitTab,
} from './cockpit-routes.js';
import { Labels, type View } from './cockpit-ui.js';
import { DefinitionDiagramView } from './definition-diagram-view.js';
import { DefinitionsView } from './definitions-view.js';
import { InstanceView } from './instance-view.js';
import { InstancesView } from './instances-view.js';
import { OverdueView } from './overdue-view.js';
import { StartView } from './start-view.js';

const TABS: readonly { tab: CockpitTab; label: MessageKey; route: CockpitRoute }[] = [
  { tab: 'definitions', label: 'cockpit.tab.definitions', route: { view: 'definitions' } },
  { tab: 'instances', label: 'cockpit.tab.instances', route: { view: 'instances' } },
  { tab: 'overdue', label: 'cockpit.tab.overdue', route: { view: 'overdue' } },
  { tab: 'start', label: 'cockpit.tab.start', route: { view: 'start' } },
];

/** The managers' screen: process dashboard, instances, overdue tasks, manual start. */
export function createCockpitPage(user: SignedIn): Page {
  return new CockpitPage(user);
}

class CockpitPage implements Page {
  readonly element: HTMLElement;
  private readonly labels = new Labels();
  private readonly tabs = new Map<CockpitTab, HTMLAnchorElement>();
  private readonly content = h('div', { class: 'cockpit-content' });
  private view: View | null = null;
  private shownHash = '';
  private readonly onHashChange = () => this.route();

  constructor(private readonly user: SignedIn) {
    for (const { tab, label, route } of TABS) {
      this.tabs.set(
        tab,
        this.labels.text(h('a', { href: cockpitHash(route), 'data-cockpit-tab': tab }), label),
      );
    }
    this.element = h(
      'section',
      { class: 'page cockpit-page' },
      h('nav', { class: 'cockpit-tabs' }, ...this.tabs.values()),
      this.content,
    );
    window.addEventListener('hashchange', this.onHashChange);
    this.route();
  }

  retranslate(): void {
    this.labels.retranslate();
    this.view?.retranslate();
  }

  dispose(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    this.view?.dispose?.();
    this.view = null;
  }

  /** Shows the view the hash names; other screens' hashes are left to the shell. */
  private route(): void {
    const route = parseCockpitRoute(location.hash);
    if (!route) return;
    const hash = cockpitHash(route);
    if (hash === this.shownHash) return;
    this.shownHash = hash;
    this.view?.dispose?.();
    this.view = this.create(route);
    for (const [tab, anchor] of this.tabs) anchor.classList.toggle('active', tab === tabOf(route));
    this.content.replaceChildren(this.view.element);
  }

  private create(route: CockpitRoute): View {
    switch (route.view) {
      case 'definitions':
        return new DefinitionsView();
      case 'definition':
        return new DefinitionDiagramView(route.definitionId);
      case 'instances':
        return new InstancesView(route.definitionKey);
      case 'instance':
        return new InstanceView(route.instanceId, this.user);
      case 'overdue':
        return new OverdueView();
      case 'start':
        return new StartView(route.definitionId);
    }
  }
}
