import { EngineSession, type EngineState } from './engine-session.js';
import { bpmn } from './fixtures/bpmn.js';
import { parseSourceContext, type SourceContext } from './source-context.js';

const env = { now: () => new Date() };

async function roundTrip(session: EngineSession, source: SourceContext): Promise<EngineSession> {
  const state = JSON.parse(JSON.stringify(await session.snapshot())) as EngineState;
  return EngineSession.recover(source, env, 'i-1', state);
}

describe('EngineSession', () => {
  it('waits at a user task with its Camunda attributes, survives a round trip, and completes', async () => {
    // given
    const source = await parseSourceContext(
      bpmn(`<process id="p" isExecutable="true">
        <startEvent id="s" /><sequenceFlow id="f1" sourceRef="s" targetRef="t" />
        <userTask id="t" name="Call \${client}" camunda:assignee="\${manager}" camunda:candidateGroups="sales, support"
          camunda:dueDate="\${due}" camunda:priority="70" />
        <sequenceFlow id="f2" sourceRef="t" targetRef="gw" />
        <exclusiveGateway id="gw" default="low" />
        <sequenceFlow id="high" sourceRef="gw" targetRef="bigEnd"><conditionExpression>\${amount > 1000}</conditionExpression></sequenceFlow>
        <sequenceFlow id="low" sourceRef="gw" targetRef="smallEnd" />
        <endEvent id="bigEnd" /><endEvent id="smallEnd" />
      </process>`),
    );
    const started = await EngineSession.start(source, env, 'i-1', {
      client: 'Anna',
      manager: 'dmitry',
      due: '2026-12-01T10:00:00Z',
    });
    // when
    const session = await roundTrip(started, source);
    const [wait] = session.waits();
    // then
    expect(wait.kind).toBe('userTask');
    expect(session.taskAttributes(wait)).toMatchObject({
      name: 'Call Anna',
      assignee: 'dmitry',
      candidateGroups: ['sales', 'support'],
      dueDate: '2026-12-01T10:00:00.000Z',
      priority: 70,
    });
    session.setVariables({ amount: 5000 });
    await session.signal(wait);
    expect(session.status).toBe('completed');
    expect(session.events.filter((e) => e.event === 'end').map((e) => e.activityId)).toContain(
      'bigEnd',
    );
  });

  it('records timers instead of scheduling them and fires one on demand after recovery', async () => {
    const source = await parseSourceContext(
      bpmn(`<process id="p" isExecutable="true">
        <startEvent id="s" /><sequenceFlow id="f1" sourceRef="s" targetRef="wait" />
        <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>P7D</timeDuration></timerEventDefinition></intermediateCatchEvent>
        <sequenceFlow id="f2" sourceRef="wait" targetRef="e" /><endEvent id="e" />
      </process>`),
    );
    const started = await EngineSession.start(source, env, 'i-1', {});
    const [timer] = started.waits();
    expect(timer.kind).toBe('timer');
    const session = await roundTrip(started, source);
    const [recorded] = session.timers.executing;
    expect(recorded.delayMs).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    expect(await session.fireTimer(recorded.executionId)).toBe(true);
    expect(session.status).toBe('completed');
  });

  it('makes an external service task wait for its worker and lets a BPMN error reach the boundary', async () => {
    const source = await parseSourceContext(
      bpmn(`<error id="err" errorCode="NO_STOCK" />
      <process id="p" isExecutable="true">
        <startEvent id="s" /><sequenceFlow id="f1" sourceRef="s" targetRef="ext" />
        <serviceTask id="ext" camunda:type="external" camunda:topic="production" />
        <boundaryEvent id="b" attachedToRef="ext"><errorEventDefinition errorRef="err" /></boundaryEvent>
        <sequenceFlow id="f2" sourceRef="ext" targetRef="ok" /><endEvent id="ok" />
        <sequenceFlow id="f3" sourceRef="b" targetRef="failed" /><endEvent id="failed" />
      </process>`),
    );
    const session = await roundTrip(await EngineSession.start(source, env, 'i-1', {}), source);
    const wait = session.waits().find((w) => w.kind === 'externalTask');
    expect(wait?.api.content.camunda?.external).toEqual({ topic: 'production', priority: 0 });
    await session.throwError(wait!, 'NO_STOCK', 'out of stock');
    expect(session.status).toBe('completed');
    expect(session.events.map((e) => `${e.event}:${e.activityId}`)).toContain('end:failed');
  });

  it('exposes each parallel multi-instance iteration as its own user task', async () => {
    const source = await parseSourceContext(
      bpmn(`<process id="p" isExecutable="true">
        <startEvent id="s" /><sequenceFlow id="f1" sourceRef="s" targetRef="review" />
        <userTask id="review" camunda:assignee="\${reviewer}">
          <multiInstanceLoopCharacteristics camunda:collection="\${reviewers}" camunda:elementVariable="reviewer" />
        </userTask>
        <sequenceFlow id="f2" sourceRef="review" targetRef="e" /><endEvent id="e" />
      </process>`),
    );
    const session = await roundTrip(
      await EngineSession.start(source, env, 'i-1', { reviewers: ['bob', 'carol'] }),
      source,
    );
    const tasks = session.waits().filter((w) => w.kind === 'userTask');
    expect(tasks.map((t) => session.taskAttributes(t).assignee).sort()).toEqual(['bob', 'carol']);
    for (const task of tasks) await session.signal(task);
    expect(session.status).toBe('completed');
  });

  it('waits for a message at an intermediate catch event', async () => {
    const source = await parseSourceContext(
      bpmn(`<message id="m" name="payment-received" />
      <process id="p" isExecutable="true">
        <startEvent id="s" /><sequenceFlow id="f1" sourceRef="s" targetRef="catch" />
        <intermediateCatchEvent id="catch"><messageEventDefinition messageRef="m" /></intermediateCatchEvent>
        <sequenceFlow id="f2" sourceRef="catch" targetRef="e" /><endEvent id="e" />
      </process>`),
    );
    const session = await roundTrip(await EngineSession.start(source, env, 'i-1', {}), source);
    const waits = session.waits();
    const message = waits.find((w) => w.kind === 'message');
    expect(message?.api.content.message).toMatchObject({ id: 'm', name: 'payment-received' });
    await session.signal(message!);
    expect(session.status).toBe('completed');
  });
});
