import { BpmnValidationError } from './bpmn-validation-error.js';
import { MAX_ELEMENT_ID_LENGTH } from './stored-length-checks.js';
import { validateBpmn } from './validate-bpmn.js';

function diagram(task: string, roots = '', taskId = 'task'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://x">
  ${roots}
  <process id="p" isExecutable="true">
    <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="${taskId}" />
    ${task}
    <sequenceFlow id="f2" sourceRef="${taskId}" targetRef="end" /><endEvent id="end" />
  </process>
</definitions>`;
}

async function messagesOf(xml: string): Promise<string[]> {
  const error: unknown = await validateBpmn(xml, { maxBytes: 1024 * 1024 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof BpmnValidationError ? error.problems.map((p) => p.message) : [];
}

describe('values longer than the columns they are stored in', () => {
  const long = (n: number) => 'x'.repeat(n);

  it('refuses a long name, topic and message name', async () => {
    const xml = diagram(
      `<serviceTask id="task" name="${long(256)}" camunda:type="external" camunda:topic="${long(300)}" />`,
      `<message id="m" name="${long(256)}" />`,
    );
    expect(await messagesOf(xml)).toEqual([
      'the name has 256 characters; at most 255 are allowed',
      'name has 256 characters; at most 255 are allowed',
      'topic has 300 characters; at most 255 are allowed',
    ]);
  });

  it('refuses a long element id and a long literal candidate group', async () => {
    const id = long(MAX_ELEMENT_ID_LENGTH + 1);
    const xml = diagram(
      `<userTask id="${id}" camunda:candidateGroups="sales,${long(65)}" />`,
      '',
      id,
    );
    expect(await messagesOf(xml)).toEqual([
      `the id has ${id.length} characters; at most ${MAX_ELEMENT_ID_LENGTH} are allowed`,
      'an entry of camunda:candidateGroups has 65 characters; at most 64 are allowed',
    ]);
  });

  it("refuses a start event's initiator variable name longer than a variable name", async () => {
    const xml = diagram('<userTask id="task" />').replace(
      '<startEvent id="start" />',
      `<startEvent id="start" camunda:initiator="${long(256)}" />`,
    );
    expect(await messagesOf(xml)).toEqual([
      'initiator has 256 characters; at most 255 are allowed',
    ]);
  });

  it('accepts values at the limits and leaves expressions to run time', async () => {
    const xml = diagram(
      `<userTask id="task" name="${'n'.repeat(255)}" camunda:assignee="\${'${'a'.repeat(100)}'}"
         camunda:candidateUsers="${'u'.repeat(64)}" />`,
    );
    expect(await messagesOf(xml)).toEqual([]);
  });
});
