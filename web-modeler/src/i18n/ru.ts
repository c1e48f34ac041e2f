import { cockpitRu } from '../cockpit/messages.js';
import { formRu } from '../forms/messages.js';
import { tasklistRu } from '../tasklist/messages.js';

/**
 * Russian, the default language. Every string the web app shows is here or in a screen's own
 * messages.ts (spread in below); en.ts mirrors the keys.
 */
export const ru = {
  appTitle: 'Conveyor',
  'nav.modeler': 'Моделер',
  'nav.tasklist': 'Задачи',
  'nav.cockpit': 'Мониторинг',
  'nav.logout': 'Выйти',
  'nav.language': 'Язык',

  'login.title': 'Вход в Conveyor',
  'login.username': 'Имя пользователя',
  'login.password': 'Пароль',
  'login.submit': 'Войти',
  'login.failed': 'Неверное имя пользователя или пароль',
  'login.tooMany': 'Слишком много попыток входа. Попробуйте позже.',

  'app.unsaved': 'Есть неразвёрнутые изменения. Уйти и потерять их?',
  'error.network': 'Сервер недоступен',
  'error.forbidden': 'Недостаточно прав',
  'error.unknown': 'Ошибка',

  'modeler.new': 'Новая схема',
  'modeler.open': 'Открыть развёрнутую…',
  'modeler.import': 'Импорт .bpmn',
  'modeler.export': 'Экспорт .bpmn',
  'modeler.deploy': 'Развернуть',
  'modeler.undo': 'Отменить',
  'modeler.redo': 'Повторить',
  'modeler.deployed': 'Развёрнуто: {name}, версия {version}',
  'modeler.deployedNothing': 'Развёрнуто без изменений',
  'modeler.invalid': 'Сервер отклонил схему',
  'modeler.importFailed': 'Не удалось открыть схему',
  'modeler.chooseDefinition': 'Выберите процесс',
  'modeler.noDefinitions': 'Развёрнутых процессов нет',
  'modeler.version': 'версия',
  'modeler.cancel': 'Отмена',
  'modeler.problems': 'Проблемы',

  ...tasklistRu,
  ...formRu,
  ...cockpitRu,
} as const;

export type MessageKey = keyof typeof ru;
export type Messages = Record<MessageKey, string>;
