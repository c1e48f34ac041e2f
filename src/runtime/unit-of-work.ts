import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { JobSignals } from '../common/job-signals.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { toEngineVariables, type StoredVariable } from '../common/variables/index.js';
import { WorkTracker } from '../common/work-tracker.js';
import { DefinitionCache, type LoadedDefinition } from '../definitions/definition-cache.js';
import { EngineSession } from '../engine/engine-session.js';
import { EngineEnvironmentProvider } from '../engine/engine-environment.provider.js';
import { chosenStartEvent, initiatorVariable } from '../engine/start-events.js';
import { HistoryRepository } from '../history/history.repository.js';
import { CallActivityOrchestrator } from './call-activity.orchestrator.js';
import { InstanceRepository, type InstanceRow } from './instance.repository.js';
import { RuntimeProjection, runtimeTablesOf, type ProjectionResult } from './runtime-projection.js';
import { diffVariables } from './variable-diff.js';
import { VariableRepository } from './variable.repository.js';

/** What a command sees inside the unit of work. */
export interface CommandContext {
  tx: EntityManager;
  instance: InstanceRow;
  session: EngineSession;
  /** Typed variables the command sets: values keep these types in the variable table. */
  declare(variables: Map<string, StoredVariable>): void;
  /** Marks a task as completed by this command (its history ends "completed"). */
  completedTask(taskId: string): void;
  now: Date;
}

export interface StartRequest {
  definition: LoadedDefinition;
  businessKey: string | null;
  variables: Map<string, StoredVariable>;
  startUserId: string | null;
  superInstanceId?: string | null;
  superExecutionId?: string | null;
  /** A message or timer start event that starts this instance: it is triggered right after the start. */
  startEventId?: string;
}

/** What a command did, for finish(): variables before and declared, tasks completed, its result. */
interface CommandOutcome<T> {
  before: Map<string, StoredVariable>;
  declared: Map<string, StoredVariable>;
  completedTaskIds: Set<string>;
  value: T;
  now: Date;
}

export interface UnitOfWorkResult<T> {
  value: T;
  instance: InstanceRow;
  ended: boolean;
  projection: ProjectionResult | null;
  /** The instance's typed variables after the unit of work. */
  variables: Map<string, StoredVariable>;
}

/**
 * DESIGN.md §3: every command on an instance is one unit of work in one transaction — lock the
 * instance row, recover the engine from its state, act, let the engine settle, save the state
 * without the source, rebuild the runtime rows from what it waits for, write history, commit.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: DefinitionCache,
    private readonly instances: InstanceRepository,
    private readonly variables: VariableRepository,
    private readonly projection: RuntimeProjection,
    private readonly history: HistoryRepository,
    private readonly environment: EngineEnvironmentProvider,
    private readonly work: WorkTracker,
    private readonly clock: Clock,
    private readonly callActivities: CallActivityOrchestrator,
    private readonly jobSignals: JobSignals,
  ) {}

  /** Starts a new instance and runs it to its first wait states. */
  async start(request: StartRequest, tx?: EntityManager): Promise<UnitOfWorkResult<null>> {
    const result = await this.transaction(tx, async (tx) => {
      const { definition } = request.definition;
      const now = this.clock.now();
      const instance: InstanceRow = {
        id: randomUUID(),
        definition_id: definition.id,
        definition_key: definition.key,
        business_key: request.businessKey,
        state: 'ACTIVE',
        engine_state: null,
        runtime_tables: [], // a new instance has no runtime rows yet
        super_instance_id: request.superInstanceId ?? null,
        super_execution_id: request.superExecutionId ?? null,
        start_user_id: request.startUserId,
        start_time: now,
        revision: 1,
        tenant_id: definition.tenantId,
      };
      await this.instances.insert(tx, instance);
      const variables = new Map(request.variables);
      const start = chosenStartEvent(
        request.definition.source,
        definition.key,
        request.startEventId,
      );
      const initiator = initiatorVariable(start, request.startUserId);
      // Camunda sets the initiator before the start variables, so a start variable of its name wins.
      if (initiator && !variables.has(initiator[0])) variables.set(...initiator);
      const session = await EngineSession.start(
        request.definition.source,
        this.environment.get(),
        instance.id,
        toEngineVariables(variables),
        request.startEventId,
      );
      if (request.startEventId) await this.triggerStartEvent(session, request.startEventId);
      await this.history.startInstance(tx, {
        id: instance.id,
        businessKey: instance.business_key,
        definitionId: definition.id,
        definitionKey: definition.key,
        definitionName: definition.name,
        definitionVersion: definition.version,
        startTime: now,
        startUserId: request.startUserId,
        superInstanceId: instance.super_instance_id,
        startActivityId: session.events.find((e) => e.event === 'start')?.activityId ?? null,
      });
      return this.finish(tx, instance, session, {
        before: new Map(),
        declared: variables,
        completedTaskIds: new Set(),
        value: null,
        now,
      });
    });
    return this.notifyDueJobs(tx, result);
  }

  /** Runs a command on an existing instance. */
  async onInstance<T>(
    instanceId: string,
    command: (ctx: CommandContext) => Promise<T>,
    tx?: EntityManager,
  ): Promise<UnitOfWorkResult<T>> {
    const result = await this.transaction(tx, async (tx) => {
      const instance = await this.instances.lock(tx, instanceId);
      if (!instance) {
        throw new ConveyorError(
          ErrorCode.NotFound,
          `Process instance with id ${instanceId} does not exist`,
        );
      }
      const loaded = await this.definitions.get(instance.definition_id, tx);
      const before = await this.variables.load(tx, instance.id);
      const session = await EngineSession.recover(
        loaded.source,
        this.environment.get(),
        instance.id,
        instance.engine_state ?? {},
      );
      const declared = new Map<string, StoredVariable>();
      const completed = new Set<string>();
      const now = this.clock.now();
      const value = await command({
        tx,
        instance,
        session,
        now,
        declare: (vars) => vars.forEach((v, k) => declared.set(k, v)),
        completedTask: (id) => completed.add(id),
      });
      return this.finish(tx, instance, session, {
        before,
        declared,
        completedTaskIds: completed,
        value,
        now,
      });
    });
    return this.notifyDueJobs(tx, result);
  }

  private async finish<T>(
    tx: EntityManager,
    instance: InstanceRow,
    session: EngineSession,
    outcome: CommandOutcome<T>,
  ): Promise<UnitOfWorkResult<T>> {
    const { before, declared, completedTaskIds, value, now } = outcome;
    if (session.status === 'failed') {
      await session.discard();
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `The process failed and nothing was changed: ${session.error?.message ?? 'unknown engine error'}`,
        'ProcessEngineException',
      );
    }
    const { changed, removed } = diffVariables(before, session.variables(), declared);
    const variables = new Map([...before, ...changed]);
    removed.forEach((name) => variables.delete(name));
    await this.variables.upsert(tx, instance.id, null, changed);
    await this.variables.delete(tx, instance.id, null, removed);
    const scope = {
      id: instance.id,
      definitionId: instance.definition_id,
      definitionKey: instance.definition_key,
    };
    await this.history.writeVariables(tx, scope, null, changed, removed, now);
    const closedExecutions = await this.history.recordActivities(tx, scope, session.events);

    const ctx = { tx, instance, session, now, completedTaskIds, closedExecutions };
    if (session.status === 'completed') {
      await this.projection.closeAll(ctx);
      const last = [...session.events].reverse().find((e) => e.event === 'end');
      await this.history.endInstance(tx, instance.id, {
        state: 'COMPLETED',
        endTime: now,
        endActivityId: last?.activityId,
      });
      await this.instances.delete(tx, instance.id);
      await this.callActivities.completeParent(this, tx, instance, variables);
      return { value, instance, ended: true, projection: null, variables };
    }
    // What the engine waits for, read while the session is live (a stopped engine has no timers).
    const waits = session.waits();
    const timers = session.timers.executing;
    const state = await session.snapshot();
    if (state)
      await this.instances.saveState(tx, instance.id, state, runtimeTablesOf(waits, timers));
    const projection = await this.projection.sync(ctx, waits, timers);
    await this.callActivities.startChildren(
      this,
      tx,
      instance,
      projection.callActivities,
      variables,
    );
    return { value, instance, ended: false, projection, variables };
  }

  /** Message and timer start events wait in bpmn-engine until triggered; the instance was created for this one. */
  private async triggerStartEvent(session: EngineSession, activityId: string): Promise<void> {
    const timer = session.timers.executing.find((t) => t.activityId === activityId);
    if (timer) {
      await session.fireTimer(timer.executionId);
      return;
    }
    const wait = session
      .waits()
      .find((w) => w.activityId === activityId && (w.kind === 'message' || w.kind === 'signal'));
    if (wait) await session.signal(wait);
  }

  /** Wakes the job executor once the transaction that made a job due has committed. */
  private notifyDueJobs<T>(
    outer: EntityManager | undefined,
    result: UnitOfWorkResult<T>,
  ): UnitOfWorkResult<T> {
    if (!outer && (result.projection?.dueTimers ?? 0) > 0) this.jobSignals.dueJobsCreated();
    return result;
  }

  private transaction<T>(
    tx: EntityManager | undefined,
    work: (tx: EntityManager) => Promise<T>,
  ): Promise<T> {
    if (tx) return work(tx);
    // READ COMMITTED, PostgreSQL's default: naming it would cost a SET TRANSACTION per unit of work.
    return this.work.run(() => this.dataSource.transaction(work));
  }
}
