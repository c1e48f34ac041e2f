import { language } from '../i18n/i18n.js';
import { CANVAS_RU } from './translations/canvas-ru.js';
import { PANEL_RU } from './translations/panel-ru.js';
import { TOOLS_RU } from './translations/tools-ru.js';

const RUSSIAN: Readonly<Record<string, string>> = { ...CANVAS_RU, ...PANEL_RU, ...TOOLS_RU };

/**
 * bpmn-js's `translate` service in the web app's current language: Russian from the dictionaries
 * above, English (bpmn-js's own templates) otherwise or for a template not translated yet.
 */
export function translate(template: string, replacements: Record<string, string> = {}): string {
  const text = language() === 'ru' ? (RUSSIAN[template] ?? template) : template;
  return text.replace(/{([^}]+)}/g, (whole, key: string) => replacements[key] ?? whole);
}

/** A bpmn-js module replacing the default `translate` service. */
export const translateModule = { translate: ['value', translate] };
