import { language, onLanguageChange, setLanguage, type Language } from '../i18n/i18n.js';
import { h } from './dom.js';

const LANGUAGES: readonly { code: Language; label: string }[] = [
  { code: 'ru', label: 'RU' },
  { code: 'en', label: 'EN' },
];

/** RU | EN buttons; the pressed one is the current language. */
export function languageSwitch(): HTMLElement {
  const buttons = LANGUAGES.map(({ code, label }) =>
    h('button', { type: 'button', 'data-language': code, onclick: () => setLanguage(code) }, label),
  );
  const mark = () => {
    for (const button of buttons) {
      button.setAttribute('aria-pressed', String(button.dataset.language === language()));
    }
  };
  mark();
  const element = h('span', { class: 'language-switch' }, ...buttons);
  // A switch thrown away with its screen (login, sign-out) stops listening at the next change.
  const unsubscribe = onLanguageChange(() => (element.isConnected ? mark() : unsubscribe()));
  return element;
}
