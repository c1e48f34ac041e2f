// Runs processes with bpmn-engine alone, in this process, without any database: the three-task
// process (engine-vs-rest) and a timer fired on a recovered instance (timers).
import { Engine } from 'bpmn-engine';
import * as Elements from 'bpmn-elements';
import { BpmnModdle } from 'bpmn-moddle';
import serializer, { TypeResolver } from 'moddle-context-serializer';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';

const camunda = createRequire(import.meta.url)('camunda-bpmn-moddle/resources/camunda.json');

/**
 * The service gives bpmn-engine loggers that do nothing unless DEBUG is set (engine-session.ts):
 * its default `debug` loggers cost about 5 % of a recovered run. The limit runs the engine the same
 * way, so the ratio compares like with like.
 */
const noop = () => undefined;
const SILENT_LOGGER = { debug: noop, warn: noop, error: noop };
const engineOptions = (options) => ({ Logger: () => SILENT_LOGGER, ...options });

/** Parses the XML once, as Conveyor does per definition version (bpmn-moddle + camunda moddle). */
export async function parseSourceContext(xml) {
  const moddle = new BpmnModdle({ camunda });
  const parsed = await moddle.fromXML(xml);
  return serializer(parsed, TypeResolver({ ...Elements }));
}

/** The user task the engine waits in, after letting any asynchronous step run out. */
async function waitingTask(engine, execution) {
  for (let i = 0; i < 1000; i++) {
    if (engine.state !== 'running') return null;
    const task = execution.getPostponed().find((api) => api.type === 'bpmn:UserTask');
    if (task) return task;
    await setImmediate();
  }
  throw new Error(`engine neither waits in a user task nor ends (state ${engine.state})`);
}

function assertEnded(engine, completed) {
  if (engine.state !== 'idle' || completed.join() !== 'a,b,c') {
    throw new Error(`instance did not run a,b,c to the end: ${completed.join()} (${engine.state})`);
  }
}

/** One instance kept in memory from start to end: execute, then signal each task in turn. */
export async function runInMemory(options, name) {
  const engine = new Engine(engineOptions({ name, ...options }));
  const execution = await engine.execute();
  const completed = [];
  for (let task = await waitingTask(engine, execution); task;) {
    completed.push(task.id);
    execution.signal({ id: task.id });
    task = await waitingTask(engine, execution);
  }
  assertEnded(engine, completed);
}

/**
 * One instance persisted at every wait the way Conveyor's unit of work does it: getState of the
 * waiting engine (no stop(), as since 2026-11-23) without the definition source, a JSON round trip,
 * then a new Engine recovers and resumes it.
 */
export async function runWithStateRoundTrips(sourceContext, name) {
  let engine = new Engine(engineOptions({ name, sourceContext }));
  let execution = await engine.execute();
  const completed = [];
  for (let task = await waitingTask(engine, execution); task;) {
    const state = await engine.getState();
    for (const definition of state.definitions) delete definition.source;
    const saved = JSON.parse(JSON.stringify(state));

    engine = new Engine(engineOptions({ name, sourceContext })).recover(saved);
    execution = await engine.resume();
    const resumed = await waitingTask(engine, execution);
    if (resumed?.id !== task.id) throw new Error(`recovered at ${resumed?.id}, not ${task.id}`);
    completed.push(resumed.id);
    execution.signal({ id: resumed.id });
    task = await waitingTask(engine, execution);
  }
  assertEnded(engine, completed);
}

/** bpmn-engine `timers` that keep each callback instead of scheduling it, as Conveyor's do. */
function heldTimers() {
  const executing = [];
  const timers = {
    executing, // bpmn-engine clears these when the run completes
    setTimeout: (callback, delay, ...args) => {
      const ref = { fire: () => callback(...args) };
      executing.push(ref);
      return ref;
    },
    clearTimeout: (ref) => executing.includes(ref) && executing.splice(executing.indexOf(ref), 1),
    register: () => timers,
  };
  return timers;
}

/**
 * What a job run asks of bpmn-engine to fire a timer (ExecuteJobCommand): the saved state of an
 * instance waiting at its one timer, recovered into a new Engine and resumed; the timer fired and
 * the run settled. Returns the `runOne` of one firing, for measureSequential.
 */
export async function timerFiring(sourceContext) {
  const waiting = new Engine(
    engineOptions({ name: 'waiting', sourceContext, timers: heldTimers() }),
  );
  await waiting.execute();
  const state = await waiting.getState();
  for (const definition of state.definitions) delete definition.source;
  const saved = JSON.stringify(state);
  return async (name) => {
    const timers = heldTimers();
    const engine = new Engine(engineOptions({ name, sourceContext, timers })).recover(
      JSON.parse(saved),
    );
    await engine.resume();
    if (timers.executing.length !== 1)
      throw new Error(`${timers.executing.length} timers wait, not 1`);
    timers.executing[0].fire();
    for (let i = 0; i < 1000 && engine.state === 'running'; i++) await setImmediate();
    if (engine.state !== 'idle')
      throw new Error(`the fired instance did not end (${engine.state})`);
  };
}

/** Runs `runOne` sequentially: `warmup` unmeasured, then `count` timed instances. */
export async function measureSequential(runOne, { warmup, count }) {
  for (let i = 0; i < warmup; i++) await runOne(`warmup-${i}`);
  const durations = [];
  const began = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await runOne(`instance-${i}`);
    durations.push(performance.now() - t0);
  }
  const elapsedMs = performance.now() - began;
  return { durations, elapsedMs, perSecond: (count * 1000) / elapsedMs };
}
