/** The cockpit's strings; i18n/ru.ts and en.ts spread them into the dictionaries. */
export const cockpitRu = {
  'cockpit.title': 'Мониторинг',
  'cockpit.notYet': 'Мониторинг процессов появится в следующей версии.',
} as const;

/** English, typed by the Russian keys: a missing or extra key is a compile error. */
export const cockpitEn: Record<keyof typeof cockpitRu, string> = {
  'cockpit.title': 'Cockpit',
  'cockpit.notYet': 'Process monitoring comes in the next version.',
};
