import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { asyncActivityOf } from '../engine/async-continuations.js';
import { localVariablesOf } from '../engine/engine-expressions.js';
import type { EngineSession } from '../engine/engine-session.js';
import type { RecordedTimer } from '../engine/recording-timers.js';
import { waitedMessage, type Wait } from '../engine/waiting-tree.js';
import { HistoryRepository } from '../history/history.repository.js';
import { ExternalTaskRepository } from '../jobs/external-task.repository.js';
import { retriesOf } from '../jobs/retry-cycle.js';
import { JobRepository, type JobRow } from '../jobs/job.repository.js';
import { TaskRepository, type TaskRow } from '../tasks/task.repository.js';
import { inferVariable } from '../common/variables/index.js';
import { EventSubscriptionRepository } from './event-subscription.repository.js';
import { VariableRepository } from './variable.repository.js';
import type { InstanceRow } from './instance.repository.js';

export interface ProjectionContext {
  tx: EntityManager;
  instance: InstanceRow;
  session: EngineSession;
  now: Date;
  /** Tasks this unit of work completed (their history ends as completed, not deleted). */
  completedTaskIds: Set<string>;
  /** Executions whose history rows this unit of work closed already (from the engine's events). */
  closedExecutions: ReadonlySet<string>;
}

/** The tables an instance's runtime rows live in, one row per wait. */
export type RuntimeTable = 'task' | 'job' | 'event_subscription' | 'external_task';

const ALL_RUNTIME_TABLES: RuntimeTable[] = ['task', 'job', 'event_subscription', 'external_task'];

/**
 * Whether the instance's last projection wrote rows to `table`: the others are not read. Instances
 * saved before process_instance.runtime_tables existed (NULL) may have rows anywhere.
 */
function mayHaveRows(instance: InstanceRow, table: RuntimeTable): boolean {
  return (instance.runtime_tables ?? ALL_RUNTIME_TABLES).includes(table);
}

/**
 * The tables a projection of these waits writes to. Only the projection writes an instance's runtime
 * rows, so the next unit of work reads just these tables: most touch one or two of the four.
 */
export function runtimeTablesOf(waits: Wait[], timers: RecordedTimer[]): RuntimeTable[] {
  const kinds = new Set(waits.map((w) => w.kind));
  const tables: RuntimeTable[] = [];
  if (kinds.has('userTask')) tables.push('task');
  if (timers.length > 0 || kinds.has('async')) tables.push('job');
  if (kinds.has('message') || kinds.has('signal')) tables.push('event_subscription');
  if (kinds.has('externalTask')) tables.push('external_task');
  return tables;
}

/** What changed in the runtime rows, for callers that react (e.g. the job executor waking up). */
export interface ProjectionResult {
  createdTasks: TaskRow[];
  dueTimers: number;
  callActivities: Wait[];
}

/**
 * Rebuilds an instance's runtime rows (user tasks, timer jobs, message/signal subscriptions,
 * external tasks) from what the engine waits for after a unit of work. Rows are keyed by the
 * engine's execution id: existing ones stay untouched (assignee changes survive), vanished ones go,
 * new ones are created.
 */
@Injectable()
export class RuntimeProjection {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly jobs: JobRepository,
    private readonly subscriptions: EventSubscriptionRepository,
    private readonly externalTasks: ExternalTaskRepository,
    private readonly history: HistoryRepository,
    private readonly variables: VariableRepository,
  ) {}

  async sync(
    ctx: ProjectionContext,
    waits: Wait[],
    timers: RecordedTimer[],
  ): Promise<ProjectionResult> {
    const createdTasks = await this.syncTasks(
      ctx,
      waits.filter((w) => w.kind === 'userTask'),
    );
    // One read of the instance's jobs serves both kinds.
    const jobs = mayHaveRows(ctx.instance, 'job')
      ? await this.jobs.byInstance(ctx.tx, ctx.instance.id)
      : [];
    const dueTimers =
      (await this.syncTimers(
        ctx,
        timers,
        jobs.filter((job) => job.type === 'timer'),
      )) +
      (await this.syncAsyncContinuations(
        ctx,
        waits.filter((w) => w.kind === 'async'),
        jobs.filter((job) => job.type === 'async-continuation'),
      ));
    await this.syncSubscriptions(
      ctx,
      waits.filter((w) => w.kind === 'message' || w.kind === 'signal'),
    );
    await this.syncExternalTasks(
      ctx,
      waits.filter((w) => w.kind === 'externalTask'),
    );
    return {
      createdTasks,
      dueTimers,
      callActivities: waits.filter((w) => w.kind === 'callActivity'),
    };
  }

  /** The instance ended: close the history of whatever was still open. Runtime rows go with the instance row. */
  async closeAll(ctx: ProjectionContext): Promise<void> {
    if (!mayHaveRows(ctx.instance, 'task')) return;
    for (const task of await this.tasks.byInstance(ctx.tx, ctx.instance.id)) {
      const completed = ctx.completedTaskIds.has(task.id);
      await this.history.endTask(ctx.tx, task.id, ctx.now, completed ? 'completed' : 'deleted');
      if (!ctx.closedExecutions.has(task.execution_id))
        await this.history.endActivityOfTask(ctx.tx, task, ctx.now, !completed);
    }
  }

  private async syncTasks(ctx: ProjectionContext, waits: Wait[]): Promise<TaskRow[]> {
    const existing = mayHaveRows(ctx.instance, 'task')
      ? await this.tasks.byInstance(ctx.tx, ctx.instance.id)
      : [];
    const waiting = new Set(waits.map((w) => w.executionId));
    const gone = existing.filter((task) => !waiting.has(task.execution_id));
    for (const task of gone) {
      const completed = ctx.completedTaskIds.has(task.id);
      await this.history.endTask(ctx.tx, task.id, ctx.now, completed ? 'completed' : 'deleted');
      if (!ctx.closedExecutions.has(task.execution_id))
        await this.history.endActivityOfTask(ctx.tx, task, ctx.now, !completed);
    }
    await this.tasks.delete(
      ctx.tx,
      gone.map((task) => task.id),
    );
    await this.variables.deleteLocals(
      ctx.tx,
      ctx.instance.id,
      gone.map((task) => task.id),
    );

    const known = new Set(existing.map((task) => task.execution_id));
    const created: TaskRow[] = [];
    for (const wait of waits.filter((w) => !known.has(w.executionId))) {
      const attributes = ctx.session.taskAttributes(wait);
      const task: TaskRow = {
        id: randomUUID(),
        instance_id: ctx.instance.id,
        definition_id: ctx.instance.definition_id,
        definition_key: ctx.instance.definition_key,
        business_key: ctx.instance.business_key,
        activity_id: wait.activityId,
        execution_id: wait.executionId,
        name: attributes.name ?? wait.activityId,
        description: attributes.description ?? null,
        assignee: attributes.assignee ?? null,
        owner: null,
        delegation_state: null,
        priority: attributes.priority ?? 50,
        due_date: attributes.dueDate ? new Date(attributes.dueDate) : null,
        follow_up_date: attributes.followUpDate ? new Date(attributes.followUpDate) : null,
        form_key: attributes.formKey ?? null,
        created: ctx.now,
        suspended: false,
        tenant_id: ctx.instance.tenant_id,
      };
      await this.tasks.insert(ctx.tx, {
        ...task,
        candidateUsers: attributes.candidateUsers ?? [],
        candidateGroups: attributes.candidateGroups ?? [],
      });
      await this.history.createTask(ctx.tx, task);
      if (wait.api.content.isMultiInstance) {
        await this.history.startIteration(ctx.tx, task, {
          name: wait.api.owner.name ?? null,
          type: wait.activityType,
        });
      }
      await this.storeInputs(ctx, wait, task.id);
      created.push(task);
    }
    return created;
  }

  /** An async wait is a job due now: the job executor (or POST /job/{id}/execute) continues it. */
  private async syncAsyncContinuations(
    ctx: ProjectionContext,
    waits: Wait[],
    existing: JobRow[],
  ): Promise<number> {
    const waiting = new Set(waits.map((w) => w.executionId));
    await this.jobs.delete(
      ctx.tx,
      existing.filter((job) => !waiting.has(job.execution_id ?? '')).map((job) => job.id),
    );
    const known = new Set(existing.map((job) => job.execution_id));
    const created = waits.filter((w) => !known.has(w.executionId));
    for (const wait of created) {
      const activityId = asyncActivityOf(wait.activityId) ?? wait.activityId;
      const retryCycle = ctx.session.retryCycleOf(activityId);
      await this.jobs.insert(ctx.tx, {
        id: randomUUID(),
        type: 'async-continuation',
        instance_id: ctx.instance.id,
        definition_id: ctx.instance.definition_id,
        definition_key: ctx.instance.definition_key,
        activity_id: activityId,
        execution_id: wait.executionId,
        due_date: ctx.now,
        handler: { async: true, retryCycle },
        retries: retriesOf(retryCycle),
        created: ctx.now,
      });
    }
    return created.length;
  }

  private async syncTimers(
    ctx: ProjectionContext,
    timers: RecordedTimer[],
    existing: JobRow[],
  ): Promise<number> {
    const pending = new Set(timers.map((t) => t.executionId));
    await this.jobs.delete(
      ctx.tx,
      existing.filter((job) => !pending.has(job.execution_id ?? '')).map((job) => job.id),
    );
    const known = new Set(existing.map((job) => job.execution_id));
    let due = 0;
    for (const timer of timers.filter((t) => !known.has(t.executionId))) {
      // Durations run on the service clock (tests move it); a fixed date is the date itself.
      const dueDate =
        timer.timerType === 'timeDate'
          ? timer.expireAt
          : new Date(ctx.now.getTime() + timer.delayMs);
      if (dueDate <= ctx.now) due++;
      const retryCycle = ctx.session.retryCycleOf(timer.activityId);
      await this.jobs.insert(ctx.tx, {
        id: randomUUID(),
        type: 'timer',
        instance_id: ctx.instance.id,
        definition_id: ctx.instance.definition_id,
        definition_key: ctx.instance.definition_key,
        activity_id: timer.activityId,
        execution_id: timer.executionId,
        due_date: dueDate,
        handler: {
          timerType: timer.timerType,
          ownerExecutionId: timer.ownerExecutionId,
          retryCycle,
        },
        retries: retriesOf(retryCycle),
        created: ctx.now,
      });
    }
    return due;
  }

  private async syncSubscriptions(ctx: ProjectionContext, waits: Wait[]): Promise<void> {
    const existing = mayHaveRows(ctx.instance, 'event_subscription')
      ? await this.subscriptions.byInstance(ctx.tx, ctx.instance.id)
      : [];
    const waiting = new Set(waits.map((w) => w.executionId));
    await this.subscriptions.delete(
      ctx.tx,
      existing.filter((s) => !waiting.has(s.execution_id ?? '')).map((s) => s.id),
    );
    const known = new Set(existing.map((s) => s.execution_id));
    for (const wait of waits.filter((w) => !known.has(w.executionId))) {
      const ref = wait.kind === 'message' ? waitedMessage(wait.api) : wait.api.content.signal;
      await this.subscriptions.insert(ctx.tx, {
        id: randomUUID(),
        type: wait.kind === 'message' ? 'message' : 'signal',
        event_name: ref?.name ?? ref?.id ?? wait.activityId,
        instance_id: ctx.instance.id,
        definition_id: ctx.instance.definition_id,
        activity_id: wait.activityId,
        execution_id: wait.executionId,
        local_variables: localVariablesOf(wait.api.content),
        created: ctx.now,
      });
    }
  }

  private async syncExternalTasks(ctx: ProjectionContext, waits: Wait[]): Promise<void> {
    const existing = mayHaveRows(ctx.instance, 'external_task')
      ? await this.externalTasks.byInstance(ctx.tx, ctx.instance.id)
      : [];
    const waiting = new Set(waits.map((w) => w.executionId));
    const gone = existing.filter((t) => !waiting.has(t.execution_id)).map((t) => t.id);
    await this.externalTasks.delete(ctx.tx, gone);
    await this.variables.deleteLocals(ctx.tx, ctx.instance.id, gone);
    const known = new Set(existing.map((t) => t.execution_id));
    for (const wait of waits.filter((w) => !known.has(w.executionId))) {
      const external = wait.api.content.camunda?.external;
      const id = randomUUID();
      await this.externalTasks.insert(ctx.tx, {
        id,
        instance_id: ctx.instance.id,
        definition_id: ctx.instance.definition_id,
        definition_key: ctx.instance.definition_key,
        business_key: ctx.instance.business_key,
        activity_id: wait.activityId,
        execution_id: wait.executionId,
        topic: external?.topic ?? '',
        priority: external?.priority ?? 0,
        created: ctx.now,
      });
      await this.storeInputs(ctx, wait, id);
    }
  }

  /** Input parameters are the task's local variables (user and external tasks alike). */
  private async storeInputs(ctx: ProjectionContext, wait: Wait, taskId: string): Promise<void> {
    const input = wait.api.content.input as Record<string, unknown> | undefined;
    if (!input) return;
    const local = new Map(
      Object.entries(input).map(([name, value]) => [name, inferVariable(value, name)]),
    );
    await this.variables.upsert(ctx.tx, ctx.instance.id, taskId, local);
  }
}
