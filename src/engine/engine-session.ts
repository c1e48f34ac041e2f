import { Engine } from 'bpmn-engine';
import { EventEmitter } from 'node:events';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { asyncActivityOf } from './async-continuations.js';
import { startEventChoice, startSettings } from './start-event-choice.js';
import type { CamundaFormat, ElementApi } from './bpmn-types.js';
import { camundaExtension } from './camunda/camunda.extension.js';
import './timer-parsing.js';
import { resolveTaskAttributes } from './camunda/task-attributes.js';
import { engineExpressions } from './engine-expressions.js';
import { ExpressionError } from './expressions/index.js';
import { RecordingTimers } from './recording-timers.js';
import type { SourceContext } from './source-context.js';
import { classifyWaits, listPostponed, type Wait } from './waiting-tree.js';

interface BoundaryActivity {
  type: string;
  isRunning: boolean;
  behaviour?: { cancelActivity?: boolean };
  attachedTo?: { id: string; type: string; executionId: string; isRunning: boolean } | null;
  run(content: unknown): void;
}

/**
 * bpmn-engine logs through `debug`, which builds a logger per element (and asks isatty) at every
 * recover: about 2 % of a timer's CPU. It prints only when DEBUG names it, so without DEBUG the
 * engine gets loggers that do nothing; with DEBUG set it keeps its own.
 */
const noop = (): void => undefined;
const SILENT_LOGGER = { debug: noop, warn: noop, error: noop };
/** The `debug` library reads DEBUG itself, once, at load: so do we. */
const ENGINE_LOGGER = process.env.DEBUG ? undefined : () => SILENT_LOGGER;

/** The persisted engine state, definition source stripped (the source is cached per definition version). */
export type EngineState = Record<string, unknown>;

/** An activity event for history: what started and ended in this unit of work. */
export interface ActivityEvent {
  event: 'start' | 'end' | 'leave';
  activityId: string;
  activityName: string | null;
  activityType: string;
  executionId: string;
  at: Date;
}

export interface EngineEnvironment {
  now(): Date;
  /** Working days and hours for the expression functions addWorkingDays & co. */
  calendar?: BusinessCalendar;
  /** bpmn-engine `scripts` implementation (the sandbox). */
  scripts?: unknown;
}

// Keys bpmn-engine copies from the run message into process variables: never real variables.
const ENGINE_KEYS = new Set(['fields', 'content', 'properties']);
// Element events worth a history row; sequence flows and event definitions are not activities.
const NOT_ACTIVITIES = /^bpmn:SequenceFlow$|^bpmn:Process$/;

/**
 * One process instance loaded into bpmn-engine for one unit of work: started or recovered, driven
 * by commands, settled, then turned back into state. Never kept between units of work.
 */
export class EngineSession {
  readonly events: ActivityEvent[] = [];
  private failure: Error | null = null;

  private constructor(
    private readonly engine: Engine,
    readonly timers: RecordingTimers,
    private readonly env: EngineEnvironment,
  ) {
    engine.on('error', (error: Error) => {
      this.failure = error;
    });
  }

  static async start(
    sourceContext: SourceContext,
    env: EngineEnvironment,
    instanceId: string,
    variables: Record<string, unknown>,
    /** The start event a message, signal or timer starts at; none: the none start events. */
    startEventId?: string,
  ): Promise<EngineSession> {
    const timers = new RecordingTimers();
    const session = new EngineSession(
      EngineSession.create(sourceContext, env, instanceId, timers, startSettings(startEventId)),
      timers,
      env,
    );
    await session.engine.execute({ listener: session.listener(), variables });
    await session.settle();
    return session;
  }

  static async recover(
    sourceContext: SourceContext,
    env: EngineEnvironment,
    instanceId: string,
    state: EngineState,
  ): Promise<EngineSession> {
    const timers = new RecordingTimers();
    const engine = EngineSession.create(sourceContext, env, instanceId, timers).recover(state);
    const session = new EngineSession(engine, timers, env);
    await engine.resume({ listener: session.listener() });
    await session.settle();
    return session;
  }

  private static create(
    sourceContext: SourceContext,
    env: EngineEnvironment,
    instanceId: string,
    timers: RecordingTimers,
    settings: Record<string, unknown> = {},
  ): Engine {
    const options: Record<string, unknown> = {
      name: instanceId,
      sourceContext,
      timers,
      extensions: { camunda: camundaExtension, startEventChoice },
      expressions: engineExpressions(() => env.now(), env.calendar),
      settings: { enableDummyService: true, ...settings },
    };
    if (env.scripts) options.scripts = env.scripts;
    if (ENGINE_LOGGER) options.Logger = ENGINE_LOGGER;
    // The library's option types do not describe custom timers/extensions; the shapes are checked in tests.
    return new Engine(options);
  }

  /** completed: the process ended; failed: the engine raised an error; running: it waits. */
  get status(): 'running' | 'completed' | 'failed' {
    if (this.failure || this.engineState === 'error') return 'failed';
    return this.engineState === 'idle' ? 'completed' : 'running';
  }

  /** The library types its states as a const enum; compare them as the strings they are. */
  private get engineState(): string {
    return String(this.engine.state);
  }

  get error(): Error | null {
    return this.failure;
  }

  waits(): Wait[] {
    if (this.status !== 'running') return [];
    return classifyWaits(this.postponed());
  }

  findWait(executionId: string): Wait | undefined {
    return this.waits().find((wait) => wait.executionId === executionId);
  }

  /**
   * A user task's Camunda attributes, resolved in the task's scope (variables, loop variables, inputs).
   * These expressions run outside the engine, so a failing one is reported here as the engine's
   * own failures are: an InvalidRequest (a 400 for a REST command, a failed attempt for a job).
   */
  taskAttributes(wait: Wait): CamundaFormat {
    const expressions = engineExpressions(() => this.env.now(), this.env.calendar);
    const context = { environment: { variables: this.variables() }, content: wait.api.content };
    try {
      return resolveTaskAttributes(wait.api, (value) =>
        typeof value === 'string' ? expressions.resolveExpression(value, context) : value,
      );
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `The process failed and nothing was changed: user task '${wait.activityId}': ${error.message}`,
        'ProcessEngineException',
      );
    }
  }

  /** camunda:failedJobRetryTimeCycle of an activity (e.g. `R5/PT10M`), or null for the default. */
  retryCycleOf(activityId: string): string | null {
    const activity = this.engine.execution?.getActivityById(activityId) as
      | { behaviour?: { extensionElements?: { values?: { $type: string; body?: string }[] } } }
      | undefined;
    const cycle = activity?.behaviour?.extensionElements?.values?.find(
      (value) => value.$type === 'camunda:FailedJobRetryTimeCycle',
    );
    return cycle?.body?.trim() || null;
  }

  /** The instance's process variables, without the engine's own bookkeeping keys. */
  variables(): Record<string, unknown> {
    const env = this.processEnvironment();
    return Object.fromEntries(
      Object.entries(env?.variables ?? {}).filter(([key]) => !ENGINE_KEYS.has(key)),
    );
  }

  /**
   * Sets process variables. Embedded sub-processes run on copies of the process environment, so the
   * values go into every active scope too: as in Camunda, the whole instance sees them.
   */
  setVariables(values: Record<string, unknown>): void {
    for (const variables of this.scopes()) Object.assign(variables, values);
  }

  /**
   * Sets variables local to a waiting execution's scope (POST /message processVariablesLocal). A wait
   * directly in the process has the process as its scope: then they are process variables, and
   * true is returned so the caller records them as such.
   */
  setLocalVariables(wait: Wait, values: Record<string, unknown>): boolean {
    const scope = wait.api.environment.variables;
    if (scope === this.processEnvironment()?.variables) {
      this.setVariables(values);
      return true;
    }
    Object.assign(scope, values);
    return false;
  }

  removeVariable(name: string): void {
    for (const variables of this.scopes()) delete variables[name];
  }

  private scopes(): Set<Record<string, unknown>> {
    const scopes = new Set<Record<string, unknown>>();
    const root = this.processEnvironment();
    if (root) scopes.add(root.variables);
    if (this.status === 'running') {
      for (const api of this.postponed()) scopes.add(api.environment.variables);
    }
    return scopes;
  }

  /** Completes a waiting element (user task, external task, message catch) with an output payload. */
  async signal(wait: Wait, output: Record<string, unknown> = {}): Promise<void> {
    wait.api.signal(output);
    await this.settle();
    await this.rearmBoundary(wait);
  }

  /**
   * A non-interrupting boundary event keeps listening while its host is active (a second message
   * makes a second reminder), but bpmn-elements arms it once per host run: arm it again.
   */
  private async rearmBoundary(wait: Wait): Promise<void> {
    const boundary = wait.api.owner as unknown as BoundaryActivity;
    if (boundary.type !== 'bpmn:BoundaryEvent' || boundary.behaviour?.cancelActivity !== false)
      return;
    const host = boundary.attachedTo;
    if (!host?.isRunning || boundary.isRunning) return;
    boundary.run({ inbound: [{ id: host.id, executionId: host.executionId, type: host.type }] });
    await this.settle();
  }

  /** Throws a BPMN error with a code at a waiting task: an error boundary event with that code catches it. */
  async throwError(wait: Wait, code: string, message: string): Promise<void> {
    wait.api.sendApiMessage('error', { message, code });
    await this.settle();
  }

  async fireTimer(executionId: string): Promise<boolean> {
    const timer = this.timers.find(executionId);
    if (!timer) return false;
    timer.fire();
    await this.settle();
    return true;
  }

  /**
   * The engine's state without the definition source, or null once the process ended. Taken from
   * the settled, waiting engine as bpmn-engine's docs do, without stop(): stopping walks every
   * element's message queues and was most of the cost of a snapshot. The session is dropped after.
   */
  async snapshot(): Promise<EngineState | null> {
    if (this.status !== 'running') return null;
    const state = (await this.engine.getState()) as unknown as {
      definitions: { source?: unknown }[];
    };
    for (const definition of state.definitions) delete definition.source;
    return state;
  }

  /** Drops the engine without saving (the unit of work rolled back). */
  async discard(): Promise<void> {
    if (this.engineState === 'running') await this.engine.stop();
  }

  /**
   * Waits until no activity is executing asynchronously any more (every token waits, or the run
   * ended). Manual tasks are passed through on the way, as in Camunda: nobody completes them.
   */
  private async settle(): Promise<void> {
    for (let round = 0; round < 100; round++) {
      for (let i = 0; i < 1000 && this.isExecuting(); i++) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      const manual =
        this.status === 'running'
          ? this.postponed().filter((api) => api.type === 'bpmn:ManualTask')
          : [];
      if (manual.length === 0) return;
      manual.forEach((api) => api.signal());
    }
  }

  private isExecuting(): boolean {
    return this.engineState === 'running' && (this.engine.activityStatus as string) === 'executing';
  }

  private postponed(): ElementApi[] {
    return listPostponed(this.engine.execution.getPostponed() as unknown as ElementApi[]);
  }

  private processEnvironment(): { variables: Record<string, unknown> } | undefined {
    const [definition] = this.engine.execution?.definitions ?? [];
    const [process] = (definition?.getRunningProcesses() ?? []) as unknown as {
      environment: { variables: Record<string, unknown> };
    }[];
    return process?.environment ?? definition?.environment;
  }

  private listener(): EventEmitter {
    const listener = new EventEmitter();
    const record = (event: ActivityEvent['event']) => (api: ElementApi) => {
      // A recovered activity was started in an earlier unit of work; its end is new and must be recorded.
      // An event with one definition reports as that definition, on the event's own execution:
      // the owner is the activity. Sub-executions of a definition (`…_0`) are not activities.
      const type = api.owner.type;
      if (NOT_ACTIVITIES.test(type) || /Definition$/.test(type)) return;
      if (asyncActivityOf(api.id)) return; // Conveyor's own wait state, not the diagram's
      if (event === 'start' && api.content.isRecovered) return;
      // Boundary events are armed when their host starts; like Camunda, history shows only those that fired.
      if (event === 'start' && type === 'bpmn:BoundaryEvent') return;
      // A multi-instance activity's root scope is Camunda's "multiInstanceBody"; its iterations are
      // recorded with their tasks (bpmn-engine emits no start for them).
      const body = api.content.isMultiInstance && api.content.index === undefined;
      this.events.push({
        event,
        activityId: body ? `${api.id}#multiInstanceBody` : api.id,
        activityName: api.owner.name ?? null,
        activityType: body ? 'multiInstanceBody' : type,
        executionId: api.executionId,
        at: this.env.now(),
      });
    };
    listener.on('activity.start', record('start'));
    listener.on('activity.end', record('end'));
    listener.on('activity.leave', record('leave'));
    return listener;
  }
}
