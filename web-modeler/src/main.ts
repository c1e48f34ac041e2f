import './styles/app.css';
import { currentUser, type SignedIn } from './api/auth.js';
import { setUnauthorizedHandler } from './api/client.js';
import { Shell } from './app/shell.js';
import { currentRouteName, navigate, type RouteName } from './app/routes.js';
import type { PageFactory } from './app/page.js';
import { createCockpitPage } from './cockpit/cockpit-page.js';
import { language } from './i18n/i18n.js';
import { renderLoginPage } from './login/login-page.js';
import { createTasklistPage } from './tasklist/tasklist-page.js';

// The modeler (bpmn-js and the properties panel) is most of the bundle: loaded on first visit only.
const PAGES: Record<RouteName, PageFactory> = {
  modeler: lazyModeler(),
  tasklist: createTasklistPage,
  cockpit: createCockpitPage,
};

const root = document.getElementById('app') as HTMLElement;
let shell: Shell | null = null;

function showLogin(): void {
  shell?.dispose();
  shell = null;
  // The whole address, sub-path included: signing in again reopens the task or instance at hand.
  const route = currentRouteName();
  const back = route && route !== 'login' ? location.hash : null;
  if (route !== 'login') navigate('login');
  renderLoginPage(root, (user) => {
    if (back) location.hash = back;
    showShell(user);
  });
}

function showShell(user: SignedIn): void {
  shell = new Shell(root, user, PAGES, showLogin);
  shell.showCurrentRoute();
}

function lazyModeler(): PageFactory {
  return (user) => {
    const element = document.createElement('section');
    element.className = 'page-loading';
    let page: ReturnType<PageFactory> | null = null;
    void import('./modeler/modeler-page.js').then(({ createModelerPage }) => {
      page = createModelerPage(user);
      element.replaceWith(page.element);
    });
    return {
      get element() {
        return page?.element ?? element;
      },
      retranslate: () => page?.retranslate?.(),
      hasUnsavedChanges: () => page?.hasUnsavedChanges?.() ?? false,
      dispose: () => page?.dispose?.(),
    };
  };
}

async function start(): Promise<void> {
  document.documentElement.lang = language();
  setUnauthorizedHandler(() => {
    if (currentRouteName() !== 'login' || shell) showLogin();
  });
  window.addEventListener('hashchange', () => shell?.showCurrentRoute());
  window.addEventListener('beforeunload', (event) => {
    if (shell?.hasUnsavedWork()) event.preventDefault();
  });
  const user = await currentUser();
  if (user) showShell(user);
  else showLogin();
}

void start();
