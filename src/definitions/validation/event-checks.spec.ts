import { readFileSync } from 'node:fs';
import { BpmnValidationError } from './bpmn-validation-error.js';
import { validateBpmn } from './validate-bpmn.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/event-checks.${name}.bpmn`, import.meta.url));

async function problemsOf(xml: Buffer): Promise<BpmnValidationError['problems']> {
  const error: unknown = await validateBpmn(xml, { maxBytes: 1024 * 1024 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof BpmnValidationError))
    throw new Error(`expected a BpmnValidationError, got ${String(error)}`);
  return error.problems;
}

describe('event checks', () => {
  it('needs named messages and signals to correlate, and keeps error starts in event sub-processes', async () => {
    expect(await problemsOf(fixture('events'))).toEqual([
      {
        elementId: 'OnError',
        message:
          'event sub-processes are not supported; use a boundary event on an embedded sub-process',
      },
      { elementId: 'NoMessageRef', message: 'the message event has no messageRef' },
      { elementId: 'UnnamedMessage', message: 'message "Message_Unnamed" has no name' },
      { elementId: 'NoSignalRef', message: 'the signal event has no signalRef' },
      { elementId: 'UnnamedSignal', message: 'signal "Signal_Unnamed" has no name' },
      { elementId: 'ReceiveUnnamed', message: 'message "Message_Unnamed" has no name' },
      {
        elementId: 'ErrorStart',
        message: 'an error start event is allowed only in an event sub-process',
      },
      {
        elementId: 'EscalationStart',
        message: 'an escalation start event is allowed only in an event sub-process',
      },
    ]);
  });
});
