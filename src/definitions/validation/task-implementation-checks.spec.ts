import { readFileSync } from 'node:fs';
import { BpmnValidationError } from './bpmn-validation-error.js';
import { validateBpmn } from './validate-bpmn.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/task-implementation-checks.${name}.bpmn`, import.meta.url));

async function problemsOf(xml: Buffer): Promise<BpmnValidationError['problems']> {
  const error: unknown = await validateBpmn(xml, { maxBytes: 1024 * 1024 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof BpmnValidationError))
    throw new Error(`expected a BpmnValidationError, got ${String(error)}`);
  return error.problems;
}

const HOW_TO =
  'Conveyor runs it as an external task: set camunda:type="external" and camunda:topic';

describe('task implementations', () => {
  it('accepts external tasks and JavaScript, refuses every other implementation by id', async () => {
    // when
    const problems = await problemsOf(fixture('implementations'));

    // then
    expect(problems).toEqual([
      {
        elementId: 'JavaClass',
        message: `serviceTask implementation camunda:class is not supported; ${HOW_TO}`,
      },
      {
        elementId: 'Delegate',
        message: `serviceTask implementation camunda:delegateExpression is not supported; ${HOW_TO}`,
      },
      {
        elementId: 'MethodExpression',
        message: `serviceTask implementation camunda:expression is not supported; ${HOW_TO}`,
      },
      {
        elementId: 'Connector',
        message: `serviceTask implementation camunda:connector is not supported; ${HOW_TO}`,
      },
      { elementId: 'Plain', message: `serviceTask has no implementation; ${HOW_TO}` },
      {
        elementId: 'NoTopic',
        message: 'serviceTask has camunda:type="external" but no camunda:topic',
      },
      {
        elementId: 'OtherType',
        message: `serviceTask camunda:type="soap" is not supported; ${HOW_TO}`,
      },
      { elementId: 'SendPlain', message: `sendTask has no implementation; ${HOW_TO}` },
      {
        elementId: 'Dmn',
        message: `businessRuleTask implementation camunda:decisionRef is not supported; ${HOW_TO}`,
      },
      {
        elementId: 'Groovy',
        message: 'scriptFormat "groovy" is not supported; only JavaScript scripts run',
      },
      {
        elementId: 'NoFormat',
        message: 'scriptTask has no scriptFormat; use scriptFormat="javascript"',
      },
      {
        elementId: 'Resource',
        message: 'external script resources (camunda:resource) are not supported',
      },
      { elementId: 'EmptyScript', message: 'scriptTask has no script' },
      { elementId: 'CallNothing', message: 'callActivity has no calledElement' },
      { elementId: 'CallCase', message: 'calling CMMN cases (camunda:caseRef) is not supported' },
      {
        elementId: 'Flow_Python',
        message: 'condition language "python" is not supported; use an expression or JavaScript',
      },
    ]);
  });
});
