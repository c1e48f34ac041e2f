import { BpmnValidationError } from './bpmn-validation-error.js';
import { validateBpmn } from './validate-bpmn.js';

async function problemsOf(body: string): Promise<BpmnValidationError['problems']> {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://x">
  ${body}
</definitions>`;
  const error: unknown = await validateBpmn(xml, { maxBytes: 1024 * 1024 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof BpmnValidationError ? error.problems : [];
}

const HOW_TO = 'Conveyor runs no listeners; model the work as a script task or an external task';

describe('listeners', () => {
  it('refuses execution and task listeners on the process, tasks and flows, by element', async () => {
    const problems = await problemsOf(`<process id="p" isExecutable="true">
      <extensionElements>
        <camunda:executionListener class="com.acme.Audit" event="start" />
      </extensionElements>
      <startEvent id="start" />
      <sequenceFlow id="toCall" sourceRef="start" targetRef="call">
        <extensionElements>
          <camunda:executionListener expression="\${audit.log(execution)}" />
        </extensionElements>
      </sequenceFlow>
      <userTask id="call" camunda:assignee="anna">
        <extensionElements>
          <camunda:taskListener event="create">
            <camunda:script scriptFormat="javascript">task.setAssignee('boris')</camunda:script>
          </camunda:taskListener>
        </extensionElements>
      </userTask>
      <sequenceFlow id="toEnd" sourceRef="call" targetRef="end" />
      <endEvent id="end" />
    </process>`);
    expect(problems).toEqual([
      {
        elementId: 'p',
        message: `camunda:executionListener (event "start") is not supported: ${HOW_TO}`,
      },
      {
        elementId: 'toCall',
        message: `camunda:executionListener (event "none") is not supported: ${HOW_TO}`,
      },
      {
        elementId: 'call',
        message: `camunda:taskListener (event "create") is not supported: ${HOW_TO}`,
      },
    ]);
  });

  it('accepts other camunda extension elements', async () => {
    const problems = await problemsOf(`<process id="p" isExecutable="true">
      <startEvent id="start" />
      <sequenceFlow id="toCall" sourceRef="start" targetRef="call" />
      <userTask id="call" camunda:assignee="anna">
        <extensionElements>
          <camunda:properties><camunda:property name="color" value="red" /></camunda:properties>
        </extensionElements>
      </userTask>
      <sequenceFlow id="toEnd" sourceRef="call" targetRef="end" />
      <endEvent id="end" />
    </process>`);
    expect(problems).toEqual([]);
  });
});
