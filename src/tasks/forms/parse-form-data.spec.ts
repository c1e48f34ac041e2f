import { createRequire } from 'node:module';
import { ConveyorError } from '../../common/errors/conveyor-error.js';
import { parseFormData } from './parse-form-data.js';

interface ModdleElement {
  $type: string;
  extensionElements?: { values: unknown[] };
  flowElements?: ModdleElement[];
  rootElements?: ModdleElement[];
}
interface Moddle {
  fromXML(xml: string): Promise<{ rootElement: ModdleElement; warnings: unknown[] }>;
}

// bpmn-moddle ships no declarations for its entry point; a non-literal specifier keeps tsc from
// looking for them while jest still loads the real ESM package.
const bpmnModdleModule = 'bpmn-moddle';
const require = createRequire(import.meta.url);
const camundaPackage = require('camunda-bpmn-moddle/resources/camunda.json') as object;

async function extensionValues(xml: string): Promise<unknown[]> {
  const { BpmnModdle } = (await import(bpmnModdleModule)) as {
    BpmnModdle: (packages: Record<string, object>) => Moddle;
  };
  const { rootElement, warnings } = await BpmnModdle({ camunda: camundaPackage }).fromXML(xml);
  expect(warnings).toEqual([]);
  const task = rootElement.rootElements?.[0].flowElements?.[0];
  return task?.extensionElements?.values ?? [];
}

function userTask(extensions: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://conveyor">
  <bpmn:process id="approval" isExecutable="true">
    <bpmn:userTask id="review"><bpmn:extensionElements>${extensions}</bpmn:extensionElements></bpmn:userTask>
  </bpmn:process>
</bpmn:definitions>`;
}

describe('parseFormData', () => {
  it('reads every part of camunda:formData as camunda-bpmn-moddle parses it', async () => {
    // given
    const values = await extensionValues(
      userTask(`
      <camunda:formData>
        <camunda:formField id="budget" label="Budget" type="long" defaultValue="100000">
          <camunda:properties><camunda:property id="unit" value="EUR" /></camunda:properties>
          <camunda:validation>
            <camunda:constraint name="required" />
            <camunda:constraint name="min" config="100000" />
          </camunda:validation>
        </camunda:formField>
        <camunda:formField id="level" label="Level" type="enum" defaultValue="low">
          <camunda:value id="low" name="Low" />
          <camunda:value id="high" />
        </camunda:formField>
        <camunda:formField id="due" type="date" datePattern="yyyy-MM-dd" />
        <camunda:formField id="note" />
      </camunda:formData>`),
    );
    // when
    const fields = parseFormData(values);
    // then
    expect(fields).toEqual([
      {
        id: 'budget',
        label: 'Budget',
        type: 'long',
        defaultValue: '100000',
        validation: [{ name: 'required' }, { name: 'min', config: '100000' }],
        properties: { unit: 'EUR' },
      },
      {
        id: 'level',
        label: 'Level',
        type: 'enum',
        defaultValue: 'low',
        values: [{ id: 'low', name: 'Low' }, { id: 'high' }],
        validation: [],
      },
      { id: 'due', type: 'date', datePattern: 'yyyy-MM-dd', validation: [] },
      { id: 'note', type: 'string', validation: [] },
    ]);
  });

  it('returns no fields without camunda:formData', async () => {
    const values = await extensionValues(
      userTask('<camunda:properties><camunda:property name="a" value="b" /></camunda:properties>'),
    );
    expect(parseFormData(values)).toEqual([]);
    expect(parseFormData([])).toEqual([]);
  });

  it.each([
    ['an unknown type', '<camunda:formField id="f" type="custom" />', "unsupported type 'custom'"],
    [
      'a custom validator',
      '<camunda:formField id="f"><camunda:validation><camunda:constraint name="validator" config="com.acme.V" /></camunda:validation></camunda:formField>',
      "unsupported constraint 'validator'",
    ],
    [
      'a non-numeric min',
      '<camunda:formField id="f" type="long"><camunda:validation><camunda:constraint name="min" config="ten" /></camunda:validation></camunda:formField>',
      "needs a number as min config, got 'ten'",
    ],
    [
      'a maxlength without config',
      '<camunda:formField id="f"><camunda:validation><camunda:constraint name="maxlength" /></camunda:validation></camunda:formField>',
      'needs a number as maxlength config',
    ],
    ['a field without id', '<camunda:formField type="string" />', 'no id'],
    ['a polluting id', '<camunda:formField id="__proto__" />', "'__proto__' is not allowed"],
    [
      'a duplicate id',
      '<camunda:formField id="f" /><camunda:formField id="f" />',
      "'f' is used twice",
    ],
    [
      'a polluting property',
      '<camunda:formField id="f"><camunda:properties><camunda:property id="constructor" value="x" /></camunda:properties></camunda:formField>',
      "forbidden property 'constructor'",
    ],
  ])('rejects %s', async (_label, formFields, message) => {
    const values = await extensionValues(
      userTask(`<camunda:formData>${formFields}</camunda:formData>`),
    );
    expect(() => parseFormData(values)).toThrow(ConveyorError);
    expect(() => parseFormData(values)).toThrow(message);
  });
});
