import { parseValidationMessage } from '../../web-modeler/src/modeler/validation-problems.js';

const diagram = new Set(['Process_1', 'Task_1', 'Timer_1']);
const hasElement = (id: string) => diagram.has(id);

describe('parseValidationMessage', () => {
  it('splits the service message into problems on the elements it names', () => {
    // given the 400 message of a refused deployment
    const message =
      'ENGINE-09005 Could not parse BPMN process. p.bpmn: Invalid BPMN (2 problems): ' +
      'Task_1: the user task has no assignee; Timer_1: Invalid duration "x": expected PT15M';
    // when
    const problems = parseValidationMessage(message, hasElement);
    // then
    expect(problems).toEqual([
      { elementId: 'Task_1', message: 'the user task has no assignee' },
      { elementId: 'Timer_1', message: 'Invalid duration "x": expected PT15M' },
    ]);
  });

  it('keeps a problem whose text contains "; " whole', () => {
    const message = 'Invalid BPMN (1 problem): Task_1: first part; second part';
    expect(parseValidationMessage(message, hasElement)).toEqual([
      { elementId: 'Task_1', message: 'first part; second part' },
    ]);
  });

  it('does not take a word for an element id unless the diagram has that element', () => {
    const message = 'Invalid BPMN (1 problem): Warning: no executable process';
    expect(parseValidationMessage(message, hasElement)).toEqual([
      { elementId: null, message: 'Warning: no executable process' },
    ]);
  });

  it('drops the "and N more" tail and returns other errors whole', () => {
    const message = 'Invalid BPMN (21 problems): Task_1: a; and 1 more';
    expect(parseValidationMessage(message, hasElement)).toEqual([
      { elementId: 'Task_1', message: 'a' },
    ]);
    expect(parseValidationMessage('Deployment is too large', hasElement)).toEqual([
      { elementId: null, message: 'Deployment is too large' },
    ]);
  });
});
