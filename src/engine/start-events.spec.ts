import { bpmn } from './fixtures/bpmn.js';
import { parseSourceContext } from './source-context.js';
import { chosenStartEvent, initiatorVariable } from './start-events.js';

describe('start events', () => {
  const source = parseSourceContext(
    bpmn(`<message id="m" name="lead" />
      <process id="p" isExecutable="true">
        <startEvent id="byHand" camunda:initiator="starter" />
        <startEvent id="byMessage"><messageEventDefinition messageRef="m" /></startEvent>
        <subProcess id="sub"><startEvent id="subStart" camunda:initiator="inner" /></subProcess>
      </process>`),
  );

  it('chooses the none start event, or the one named; never a sub-process start', async () => {
    expect(chosenStartEvent(await source, 'p')?.id).toBe('byHand');
    expect(chosenStartEvent(await source, 'p', 'byMessage')?.id).toBe('byMessage');
    expect(chosenStartEvent(await source, 'p', 'subStart')).toBeUndefined();
  });

  it('names the initiator variable: the starter, or null when nobody is signed in', async () => {
    const byHand = chosenStartEvent(await source, 'p');
    expect(initiatorVariable(byHand, 'anna')).toEqual([
      'starter',
      { type: 'String', value: 'anna' },
    ]);
    expect(initiatorVariable(byHand, null)).toEqual(['starter', { type: 'Null', value: null }]);
    expect(initiatorVariable(chosenStartEvent(await source, 'p', 'byMessage'), 'anna')).toBeNull();
  });
});
