import { Engine } from 'bpmn-engine';
import { camundaExtension } from '../camunda/camunda.extension.js';
import { engineExpressions } from '../engine-expressions.js';
import { EngineSession } from '../engine-session.js';
import { bpmn } from '../fixtures/bpmn.js';
import { parseSourceContext } from '../source-context.js';
import { BpmnScripts, isJavaScriptFormat } from './bpmn-scripts.js';
import { ScriptSandbox } from './script-sandbox.js';

interface ProcessLike {
  environment: { variables: Record<string, unknown> };
}

/** start → script task → exclusive gateway with two javascript conditions → endA | endB */
const CATEGORIZE = bpmn(`<process id="categorize" isExecutable="true">
  <startEvent id="start" />
  <sequenceFlow id="toTask" sourceRef="start" targetRef="task" />
  <scriptTask id="task" scriptFormat="javascript" camunda:resultVariable="answer">
    <script>execution.setVariable('category', amount > 1000 ? 'A' : 'B'); 42</script>
  </scriptTask>
  <sequenceFlow id="toGateway" sourceRef="task" targetRef="gateway" />
  <exclusiveGateway id="gateway" />
  <sequenceFlow id="toA" sourceRef="gateway" targetRef="endA">
    <conditionExpression xsi:type="tFormalExpression" language="javascript">category === 'A'</conditionExpression>
  </sequenceFlow>
  <sequenceFlow id="toB" sourceRef="gateway" targetRef="endB">
    <conditionExpression xsi:type="tFormalExpression" language="JavaScript">category === 'B'</conditionExpression>
  </sequenceFlow>
  <endEvent id="endA" /><endEvent id="endB" />
</process>`);

function oneTask(task: string): string {
  return bpmn(`<process id="p" isExecutable="true">
    <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="task" />
    ${task}
    <sequenceFlow id="f2" sourceRef="task" targetRef="end" /><endEvent id="end" />
  </process>`);
}

describe('BpmnScripts in bpmn-engine', () => {
  let scripts: BpmnScripts;

  beforeAll(async () => {
    const sandbox = await ScriptSandbox.create({ memoryBytes: 16 * 1024 * 1024, timeoutMs: 500 });
    scripts = new BpmnScripts(sandbox);
  });

  async function run(xml: string, variables: Record<string, unknown>) {
    // As EngineSession does: the library's option types do not describe these implementations.
    const options: Record<string, unknown> = {
      name: 'spec',
      sourceContext: await parseSourceContext(xml),
      extensions: { camunda: camundaExtension },
      expressions: engineExpressions(() => new Date()),
      scripts,
    };
    const engine = new Engine(options);
    const errors: Error[] = [];
    engine.on('error', (error: Error) => errors.push(error));
    const ended: string[] = [];
    const listener = new (await import('node:events')).EventEmitter();
    listener.on('activity.end', (api: { id: string }) => ended.push(api.id));
    const execution = await engine.execute({ listener, variables });
    const [definition] = execution.definitions;
    const [process] = definition.getProcesses() as unknown as ProcessLike[];
    return { engine, errors, ended, variables: process.environment.variables };
  }

  it('runs a script task: setVariable and camunda:resultVariable land in the process variables', async () => {
    // when
    const { engine, errors, variables } = await run(CATEGORIZE, { amount: 2000 });
    // then
    expect(errors).toEqual([]);
    expect(String(engine.state)).toBe('idle');
    expect(variables).toMatchObject({ amount: 2000, category: 'A', answer: 42 });
  });

  it('takes the sequence flow whose javascript condition is true', async () => {
    const big = await run(CATEGORIZE, { amount: 2000 });
    const small = await run(CATEGORIZE, { amount: 10 });
    expect(big.ended).toContain('endA');
    expect(big.ended).not.toContain('endB');
    expect(small.ended).toContain('endB');
    expect(small.variables).toMatchObject({ category: 'B', answer: 42 });
  });

  it('shows the task its camunda:inputParameters as variables', async () => {
    const xml = oneTask(`<scriptTask id="task" scriptFormat="js" camunda:resultVariable="greeting">
      <extensionElements><camunda:inputOutput>
        <camunda:inputParameter name="salutation">Dear \${name}</camunda:inputParameter>
      </camunda:inputOutput></extensionElements>
      <script>salutation + '!'</script>
    </scriptTask>`);
    const { variables } = await run(xml, { name: 'Ada' });
    expect(variables.greeting).toBe('Dear Ada!');
  });

  it('fails the task with the script error and sets none of its variables', async () => {
    // given
    const xml = oneTask(`<scriptTask id="task" scriptFormat="javascript">
      <script>execution.setVariable('half', true); throw new Error('Customer has no address')</script>
    </scriptTask>`);
    // when
    const { engine, errors, variables } = await run(xml, {});
    // then
    expect(String(engine.state)).toBe('error');
    expect(errors.map((e) => e.message)).toEqual([
      "Unable to evaluate script while executing activity 'task': Customer has no address",
    ]);
    expect(variables.half).toBeUndefined();
  });

  it('fails the task when the script runs out of time', async () => {
    const xml = oneTask(
      '<scriptTask id="task" scriptFormat="javascript"><script>while (true) {}</script></scriptTask>',
    );
    const { errors } = await run(xml, {});
    expect(errors[0].message).toBe(
      "Unable to evaluate script while executing activity 'task': Script timed out after 500 ms",
    );
  });

  it('evaluates the script condition of a conditional event', async () => {
    const xml = oneTask(`<intermediateCatchEvent id="task"><conditionalEventDefinition>
      <condition xsi:type="tFormalExpression" language="javascript">ready === true</condition>
    </conditionalEventDefinition></intermediateCatchEvent>`);
    const passes = await run(xml, { ready: true });
    const waits = await run(xml, { ready: false });
    expect(passes.ended).toContain('end');
    expect(waits.ended).not.toContain('end');
    expect(String(waits.engine.state)).toBe('running');
    await waits.engine.stop();
  });

  it('fails when a condition script does not return a boolean', async () => {
    const { errors } = await run(CATEGORIZE.replace("category === 'A'", "'yes'"), {
      amount: 2000,
    });
    expect(errors[0].message).toBe(
      'Unable to evaluate condition script of \'toA\': returned "yes", not a boolean',
    );
  });

  it('refuses other script formats and external resources when the engine registers them', async () => {
    const groovy = oneTask(
      '<scriptTask id="task" scriptFormat="groovy"><script>1</script></scriptTask>',
    );
    await expect(run(groovy, {})).rejects.toThrow(
      "Script format 'groovy' of 'task' is not supported: Conveyor runs only javascript",
    );
    const resource = oneTask(
      '<scriptTask id="task" scriptFormat="javascript" camunda:resource="deployment://a.js" />',
    );
    await expect(run(resource, {})).rejects.toThrow(
      "Script resource 'deployment://a.js' of 'task' is not supported",
    );
    const flow = CATEGORIZE.replace('language="javascript"', 'language="python"');
    await expect(run(flow, { amount: 1 })).rejects.toThrow("Script format 'python' of 'toA'");
  });

  it('leaves conditions without a language to the expressions handler', () => {
    const flow = {
      id: 'f',
      type: 'bpmn:SequenceFlow',
      behaviour: { conditionExpression: { body: '${ok}' } },
    };
    expect(scripts.register(flow)).toBeUndefined();
    expect(scripts.register({ id: 'g', type: 'bpmn:SequenceFlow', behaviour: {} })).toBeUndefined();
  });

  it('serves the EngineSession as its scripts option', async () => {
    const source = await parseSourceContext(CATEGORIZE);
    const env = { now: () => new Date(), scripts };
    const session = await EngineSession.start(source, env, 'i-1', { amount: 5 });
    expect(session.status).toBe('completed');
    expect(session.variables()).toEqual({ amount: 5, category: 'B', answer: 42 });
  });
});

describe('isJavaScriptFormat', () => {
  it.each(['javascript', 'JavaScript', 'js', 'JS', 'ecmascript'])('accepts %s', (format) => {
    expect(isJavaScriptFormat(format)).toBe(true);
  });
  it.each(['groovy', 'python', '', undefined, 'javascript2'])('refuses %s', (format) => {
    expect(isJavaScriptFormat(format)).toBe(false);
  });
});
