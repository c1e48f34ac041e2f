import { readFileSync } from 'node:fs';
import { BpmnValidationError } from './bpmn-validation-error.js';
import { SUPPORTED_ELEMENT_TYPES, SUPPORTED_EVENT_DEFINITIONS } from './supported-elements.js';
import { validateBpmn } from './validate-bpmn.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/supported-elements.${name}.bpmn`, import.meta.url));

async function problemsOf(xml: Buffer): Promise<BpmnValidationError['problems']> {
  const error: unknown = await validateBpmn(xml, { maxBytes: 1024 * 1024 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof BpmnValidationError))
    throw new Error(`expected a BpmnValidationError, got ${String(error)}`);
  return error.problems;
}

describe('supported elements', () => {
  it('refuses each element, loop and event definition the engine cannot run, by id', async () => {
    // when
    const problems = await problemsOf(fixture('unsupported'));

    // then
    expect(problems).toEqual([
      { elementId: 'Complex', message: 'complex gateways are not supported' },
      {
        elementId: 'Transaction',
        message: 'transaction sub-processes (and cancel events) are not supported',
      },
      {
        elementId: 'Transaction_Cancel',
        message: 'cancel events (transactions) are not supported',
      },
      { elementId: 'AdHoc', message: 'ad-hoc sub-processes are not supported' },
      {
        elementId: 'Loop',
        message: 'standard loops are not supported (Camunda 7 neither); use multi-instance',
      },
      {
        elementId: 'Conditional',
        message:
          'conditional events are not supported (Camunda re-evaluates them on every variable change; we do not)',
      },
      { elementId: 'Compensate', message: 'compensation is not supported' },
      { elementId: 'Compensation_Boundary', message: 'compensation is not supported' },
      { elementId: 'Compensation_Handler', message: 'compensation handlers are not supported' },
    ]);
  });

  it('lists the supported catalogue', () => {
    expect(SUPPORTED_ELEMENT_TYPES).toContain('bpmn:UserTask');
    expect(SUPPORTED_ELEMENT_TYPES).not.toContain('bpmn:ComplexGateway');
    expect(SUPPORTED_EVENT_DEFINITIONS).toContain('bpmn:TimerEventDefinition');
    expect(SUPPORTED_EVENT_DEFINITIONS).not.toContain('bpmn:ConditionalEventDefinition');
  });
});

describe('event sub-processes', () => {
  it('are refused by id, with what to use instead', async () => {
    const xml = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <message id="feedback" name="negative-feedback" />
  <process id="p" isExecutable="true">
    <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <userTask id="work" /><sequenceFlow id="f2" sourceRef="work" targetRef="end" /><endEvent id="end" />
    <subProcess id="OnFeedback" triggeredByEvent="true">
      <startEvent id="feedbackStart" isInterrupting="false"><messageEventDefinition messageRef="feedback" /></startEvent>
      <sequenceFlow id="f3" sourceRef="feedbackStart" targetRef="record" />
      <userTask id="record" /><sequenceFlow id="f4" sourceRef="record" targetRef="feedbackEnd" />
      <endEvent id="feedbackEnd" />
    </subProcess>
  </process>
</definitions>`);
    expect(await problemsOf(xml)).toEqual([
      {
        elementId: 'OnFeedback',
        message:
          'event sub-processes are not supported; use a boundary event on an embedded sub-process',
      },
    ]);
  });
});
