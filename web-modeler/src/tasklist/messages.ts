/** The tasklist's strings; i18n/ru.ts and en.ts spread them into the dictionaries. */
export const tasklistRu = {
  'tasklist.title': 'Задачи',
  'tasklist.notYet': 'Список задач появится в следующей версии.',
} as const;

/** English, typed by the Russian keys: a missing or extra key is a compile error. */
export const tasklistEn: Record<keyof typeof tasklistRu, string> = {
  'tasklist.title': 'Tasklist',
  'tasklist.notYet': 'The tasklist comes in the next version.',
};
