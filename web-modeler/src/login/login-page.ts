import { login, type SignedIn } from '../api/auth.js';
import { ApiError } from '../api/client.js';
import { h } from '../app/dom.js';
import { languageSwitch } from '../app/language-switch.js';
import { onLanguageChange, t } from '../i18n/i18n.js';

/** The one sign-in screen for the modeler, the tasklist and the cockpit. */
export function renderLoginPage(root: HTMLElement, onSignedIn: (user: SignedIn) => void): void {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', {
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const error = h('p', { class: 'login-error', role: 'alert' });
  const title = h('h1');
  const usernameLabel = h('span');
  const passwordLabel = h('span');
  const submit = h('button', { type: 'submit', class: 'primary' });

  const label = () => {
    title.textContent = t('login.title');
    usernameLabel.textContent = t('login.username');
    passwordLabel.textContent = t('login.password');
    submit.textContent = t('login.submit');
  };
  label();
  const unsubscribe = onLanguageChange(label);

  const form = h(
    'form',
    { class: 'login-form', onsubmit: (event) => void submitLogin(event) },
    title,
    h('label', {}, usernameLabel, username),
    h('label', {}, passwordLabel, password),
    error,
    submit,
    languageSwitch(),
  );

  async function submitLogin(event: Event): Promise<void> {
    event.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    try {
      const user = await login(username.value.trim(), password.value);
      unsubscribe();
      onSignedIn(user);
    } catch (failure) {
      error.textContent = loginErrorText(failure);
      password.select();
    } finally {
      submit.disabled = false;
    }
  }

  root.replaceChildren(h('main', { class: 'login-page' }, form));
  username.focus();
}

function loginErrorText(failure: unknown): string {
  if (!(failure instanceof ApiError)) return t('error.network');
  if (failure.status === 429) return t('login.tooMany');
  if (failure.status === 401 || failure.status === 400) return t('login.failed');
  return failure.message;
}
