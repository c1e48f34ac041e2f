import { readFileSync } from 'node:fs';
import { BpmnValidationError } from './bpmn-validation-error.js';
import { validateBpmn } from './validate-bpmn.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/validate-bpmn.${name}.bpmn`, import.meta.url));
const options = { maxBytes: 1024 * 1024 };

async function problemsOf(xml: string | Buffer): Promise<BpmnValidationError['problems']> {
  const error: unknown = await validateBpmn(xml, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof BpmnValidationError))
    throw new Error(`expected a BpmnValidationError, got ${String(error)}`);
  return error.problems;
}

describe('validateBpmn', () => {
  it('accepts a Camunda Modeler diagram using everything Conveyor supports', async () => {
    // given
    const checked: string[] = [];

    // when
    const validated = await validateBpmn(fixture('valid-process'), {
      ...options,
      checkExpression: (text) => void checked.push(text),
    });

    // then
    expect(validated.definitions.$type).toBe('bpmn:Definitions');
    expect(validated.targetNamespace).toBe('http://conveyor.example/orders');
    expect(validated.elementsById['Task_Review']?.$type).toBe('bpmn:UserTask');
    expect(validated.processes).toEqual([
      {
        id: 'order-fulfilment',
        name: 'Order fulfilment',
        documentation: 'Fulfils an order from placement to shipping.',
        isExecutable: true,
        versionTag: '2.1',
        historyTimeToLive: 180,
        startableInTasklist: false,
        hasStartFormKey: true,
        startEvents: [
          { id: 'StartEvent_Order', type: 'message', messageName: 'OrderPlaced' },
          {
            id: 'StartEvent_Nightly',
            type: 'timer',
            timer: { kind: 'timeCycle', text: '0 0 2 * * ?' },
          },
          { id: 'StartEvent_Recall', type: 'signal', signalName: 'ProductRecall' },
        ],
      },
    ]);
    expect(checked).toEqual(
      expect.arrayContaining([
        '${initiator}',
        'sales, ${region}-managers',
        '${dateTime().plusDays(2).toDate()}',
        '${amount > 1000 ? 80 : 50}',
        '${amount * 1.2}',
        '= reviewResult = "ok"',
        '${reviewTimeout}',
        '${approved && amount < 10000}',
        '${items}',
        '${nrOfCompletedInstances == nrOfInstances}',
        '${amount}',
      ]),
    );
  });

  it('accepts a string as well as a buffer, and defaults what the diagram leaves out', async () => {
    // given
    const xml = fixture('minimal-process').toString('utf8');

    // when
    const { processes } = await validateBpmn(xml, options);

    // then
    expect(processes).toEqual([
      {
        id: 'minimal',
        name: undefined,
        documentation: undefined,
        isExecutable: true,
        versionTag: undefined,
        historyTimeToLive: undefined,
        startableInTasklist: true,
        hasStartFormKey: false,
        startEvents: [{ id: 'Start', type: 'none' }],
      },
    ]);
  });

  it('refuses a document without an executable process', async () => {
    expect(await problemsOf(fixture('no-executable-process'))).toEqual([
      { message: 'The document contains no executable process (isExecutable="true")' },
    ]);
  });

  it('refuses a historyTimeToLive that is not a number of days', async () => {
    expect(await problemsOf(fixture('bad-history-time-to-live'))).toEqual([
      {
        elementId: 'ttl',
        message:
          'camunda:historyTimeToLive "six months" must be a number of days, such as 180 or P180D',
      },
    ]);
  });

  it('treats every bpmn-moddle warning as an error', async () => {
    // when
    const problems = await problemsOf(fixture('moddle-warnings'));

    // then
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          elementId: undefined,
          message: expect.stringMatching(
            /^unparsable content <bpmn:fancyTask> .*unknown type <bpmn:FancyTask>/,
          ),
        },
        { elementId: 'Flow_2', message: 'unresolved reference <Nowhere>' },
        { elementId: 'minimal', message: 'unknown attribute <colour>' },
        { elementId: undefined, message: expect.stringMatching(/duplicate ID <Task>/) },
      ]),
    );
    expect(problems.every((p) => !p.message.includes('\n'))).toBe(true);
  });

  it.each([
    [
      'unclosed element',
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">',
    ],
    ['plain text', 'this is not XML'],
    ['empty document', ''],
    ['another vocabulary', '<html><body/></html>'],
  ])('refuses malformed XML: %s', async (_, xml) => {
    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.message.startsWith('Malformed XML: '))).toBe(true);
  });

  it('refuses the malformed fixture with a mismatched closing tag', async () => {
    expect(await problemsOf(fixture('malformed'))).toEqual([
      { message: expect.stringMatching(/^Malformed XML: .*closing tag mismatch/) },
    ]);
  });

  it('summarises the problems in the message', async () => {
    const error = await validateBpmn(fixture('no-executable-process'), options).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BpmnValidationError);
    expect((error as Error).message).toBe(
      'Invalid BPMN (1 problem): The document contains no executable process (isExecutable="true")',
    );
  });
});
