import { en } from './en.js';
import { ru, type MessageKey, type Messages } from './ru.js';

export type Language = 'ru' | 'en';

const DICTIONARIES: Record<Language, Messages> = { ru, en };
const STORAGE_KEY = 'conveyor.language';
const listeners = new Set<() => void>();

let current: Language = readStoredLanguage();

/** The string for `key` in the current language, with `{name}` placeholders filled from `values`. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return DICTIONARIES[current][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export function language(): Language {
  return current;
}

/** Switches the language, remembers it in this browser, and tells the screens to re-label. */
export function setLanguage(next: Language): void {
  if (next === current) return;
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

/** Calls `listener` after every language switch; returns the unsubscribe function. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function readStoredLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'ru';
}
