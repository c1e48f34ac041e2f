import { cockpitEn } from '../cockpit/messages.js';
import { formEn } from '../forms/messages.js';
import { tasklistEn } from '../tasklist/messages.js';
import type { Messages } from './ru.js';

/** English: the same keys as ru.ts (the type makes a missing or extra key a compile error). */
export const en: Messages = {
  appTitle: 'Conveyor',
  'nav.modeler': 'Modeler',
  'nav.tasklist': 'Tasklist',
  'nav.cockpit': 'Cockpit',
  'nav.logout': 'Sign out',
  'nav.language': 'Language',

  'login.title': 'Sign in to Conveyor',
  'login.username': 'User name',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.failed': 'Wrong user name or password',
  'login.tooMany': 'Too many sign-in attempts. Try again later.',

  'app.unsaved': 'There are changes not deployed. Leave and lose them?',
  'error.network': 'The server cannot be reached',
  'error.forbidden': 'Not allowed',
  'error.unknown': 'Error',

  'modeler.new': 'New diagram',
  'modeler.open': 'Open deployed…',
  'modeler.import': 'Import .bpmn',
  'modeler.export': 'Export .bpmn',
  'modeler.deploy': 'Deploy',
  'modeler.undo': 'Undo',
  'modeler.redo': 'Redo',
  'modeler.deployed': 'Deployed: {name}, version {version}',
  'modeler.deployedNothing': 'Deployed, nothing changed',
  'modeler.invalid': 'The server refused the diagram',
  'modeler.importFailed': 'The diagram could not be opened',
  'modeler.chooseDefinition': 'Choose a process',
  'modeler.noDefinitions': 'No process is deployed',
  'modeler.version': 'version',
  'modeler.cancel': 'Cancel',
  'modeler.problems': 'Problems',

  ...tasklistEn,
  ...formEn,
  ...cockpitEn,
};
