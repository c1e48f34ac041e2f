import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import {
  parseVariables,
  toEngineVariables,
  type SerializedVariable,
} from '../common/variables/index.js';
import { WorkTracker } from '../common/work-tracker.js';
import { AppConfig } from '../config/app-config.js';
import type { EngineSession } from '../engine/engine-session.js';
import type { Wait } from '../engine/waiting-tree.js';
import { toVariablesDto } from '../runtime/dto/process-instance.dto.js';
import { UnitOfWork } from '../runtime/unit-of-work.js';
import { VariableRepository } from '../runtime/variable.repository.js';
import type {
  CompleteExternalTaskDto,
  ExtendLockDto,
  ExternalTaskBpmnErrorDto,
  ExternalTaskFailureDto,
  FetchAndLockDto,
  LockExternalTaskDto,
} from './dto/fetch-and-lock.dto.js';
import { toExternalTaskDto, type ExternalTaskDto } from './dto/external-task.dto.js';
import { ExternalTaskRepository, type ExternalTaskRow } from './external-task.repository.js';
import { IncidentRepository } from './incident.repository.js';

export interface LockedExternalTaskDto extends ExternalTaskDto {
  errorDetails: string | null;
  variables: Record<string, SerializedVariable>;
  extensionProperties: Record<string, string>;
}

const POLL_INTERVAL_MS = 200;

/**
 * Camunda's external task pattern for integrations (accounting, production, SMS gateways): workers
 * fetch and lock tasks of their topics, then complete them, report a failure (retries; none left →
 * an incident) or throw a BPMN error that an error boundary event catches.
 */
@Injectable()
export class ExternalTaskWorkerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: ExternalTaskRepository,
    private readonly incidents: IncidentRepository,
    private readonly variables: VariableRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly work: WorkTracker,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Locks available tasks; with asyncResponseTimeout, long-polls until some arrive or the time is up. */
  async fetchAndLock(request: FetchAndLockDto): Promise<LockedExternalTaskDto[]> {
    const deadline = Date.now() + (request.asyncResponseTimeout ?? 0);
    for (;;) {
      // A long poll still waiting when the service stops answers with nothing rather than an error.
      if (this.work.isStopping) return [];
      const locked = await this.work.run(() =>
        this.dataSource.transaction((tx) =>
          this.tasks.lockAvailable(
            tx,
            request.topics,
            request.workerId,
            request.maxTasks,
            request.usePriority ?? false,
            this.clock.now(),
          ),
        ),
      );
      if (locked.length > 0 || Date.now() >= deadline || this.work.isStopping)
        return this.withVariables(locked, request);
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(POLL_INTERVAL_MS, deadline - Date.now())),
      );
    }
  }

  async complete(id: string, body: CompleteExternalTaskDto): Promise<void> {
    const variables = parseVariables(body.variables ?? {}, {
      maxValueBytes: this.config.maxVariableBytes,
    });
    const task = await this.lockedBy(id, body.workerId, 'complete');
    await this.unitOfWork.onInstance(task.instance_id, async (ctx) => {
      const { wait, task: locked } = await this.waiting(
        ctx.tx,
        ctx.session,
        id,
        body.workerId,
        'complete',
      );
      ctx.session.setVariables(toEngineVariables(variables));
      ctx.declare(variables);
      // Only a reported failure (it sets retries) raises an incident.
      if (locked.retries !== null) await this.incidents.resolveForExternalTask(ctx.tx, id);
      await ctx.session.signal(wait);
    });
  }

  async bpmnError(id: string, body: ExternalTaskBpmnErrorDto): Promise<void> {
    const variables = parseVariables(body.variables ?? {}, {
      maxValueBytes: this.config.maxVariableBytes,
    });
    const task = await this.lockedBy(id, body.workerId, 'report a BPMN error for');
    await this.unitOfWork.onInstance(task.instance_id, async (ctx) => {
      const { wait } = await this.waiting(
        ctx.tx,
        ctx.session,
        id,
        body.workerId,
        'report a BPMN error for',
      );
      ctx.session.setVariables(toEngineVariables(variables));
      ctx.declare(variables);
      await ctx.session.throwError(wait, body.errorCode, body.errorMessage ?? body.errorCode);
    });
  }

  async failure(id: string, body: ExternalTaskFailureDto): Promise<void> {
    await this.inTransaction(async (tx) => {
      const task = await this.checkLock(tx, id, body.workerId, 'report a failure for');
      const retries = body.retries ?? Math.max((task.retries ?? 1) - 1, 0);
      const now = this.clock.now();
      await this.tasks.update(tx, id, {
        retries,
        error_message: body.errorMessage?.slice(0, 4000) ?? null,
        error_details: body.errorDetails ?? null,
        // The task becomes fetchable again after the retry timeout.
        lock_expiration: new Date(now.getTime() + (body.retryTimeout ?? 0)),
      });
      if (retries === 0) {
        await this.incidents.create(tx, {
          type: 'failedExternalTask',
          instance_id: task.instance_id,
          definition_id: task.definition_id,
          activity_id: task.activity_id,
          execution_id: task.execution_id,
          job_id: null,
          external_task_id: id,
          message: body.errorMessage ?? null,
          created: now,
        });
      }
    });
  }

  async extendLock(id: string, body: ExtendLockDto): Promise<void> {
    await this.inTransaction(async (tx) => {
      const task = await this.checkLock(tx, id, body.workerId, 'extend the lock of');
      if (!task.lock_expiration || task.lock_expiration < this.clock.now()) {
        throw new ConveyorError(
          ErrorCode.InvalidRequest,
          `Cannot extend a lock that expired for external task ${id}`,
        );
      }
      await this.tasks.update(tx, id, {
        lock_expiration: new Date(this.clock.now().getTime() + body.newDuration),
      });
    });
  }

  /** Locks one task for a worker (the client's taskService.lock), unless another worker holds it. */
  async lock(id: string, body: LockExternalTaskDto): Promise<void> {
    await this.inTransaction(async (tx) => {
      const task = await this.tasks.lock(tx, id);
      if (!task) throw notFound(id);
      const now = this.clock.now();
      const heldByOther =
        task.worker_id !== null &&
        task.worker_id !== body.workerId &&
        task.lock_expiration !== null &&
        task.lock_expiration > now;
      if (heldByOther) {
        throw new ConveyorError(
          ErrorCode.InvalidRequest,
          `External task ${id} is already locked by worker '${task.worker_id}'.`,
        );
      }
      await this.tasks.update(tx, id, {
        worker_id: body.workerId,
        lock_expiration: new Date(now.getTime() + body.lockDuration),
      });
    });
  }

  async unlock(id: string): Promise<void> {
    await this.inTransaction(async (tx) => {
      if (!(await this.tasks.lock(tx, id))) throw notFound(id);
      await this.tasks.update(tx, id, { worker_id: null, lock_expiration: null });
    });
  }

  private async withVariables(
    locked: ExternalTaskRow[],
    request: FetchAndLockDto,
  ): Promise<LockedExternalTaskDto[]> {
    const { processes, tasks } = await this.variables.loadScopes(
      locked.map((task) => task.instance_id),
      locked.map((task) => task.id),
    );
    return locked.map((task) => {
      const topic = request.topics.find((t) => t.topicName === task.topic);
      // As in Camunda: the process variables, shadowed by the task's input parameters.
      const all = new Map([
        ...(processes.get(task.instance_id) ?? []),
        ...(tasks.get(task.id) ?? []),
      ]);
      const wanted = topic?.variables
        ? new Map([...all].filter(([name]) => topic.variables!.includes(name)))
        : all;
      return {
        ...toExternalTaskDto(task),
        errorDetails: task.error_details,
        variables: toVariablesDto(wanted),
        extensionProperties: {},
      };
    });
  }

  /** Before the unit of work, without a lock: the instance to lock, or an early error. Checked again in it. */
  private async lockedBy(id: string, workerId: string, verb: string): Promise<ExternalTaskRow> {
    return heldBy(await this.tasks.findById(id), id, workerId, verb);
  }

  private async checkLock(
    tx: EntityManager,
    id: string,
    workerId: string,
    verb: string,
  ): Promise<ExternalTaskRow> {
    return heldBy(await this.tasks.lock(tx, id), id, workerId, verb);
  }

  /**
   * Inside the instance's unit of work: the task must still be locked by this worker (its lock may
   * have expired and passed to another meanwhile) and still waited for by the engine.
   */
  private async waiting(
    tx: EntityManager,
    session: EngineSession,
    id: string,
    workerId: string,
    verb: string,
  ): Promise<{ wait: Wait; task: ExternalTaskRow }> {
    const task = await this.checkLock(tx, id, workerId, verb);
    const wait = session.findWait(task.execution_id);
    if (!wait) throw notFound(id);
    return { wait, task };
  }

  private inTransaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.work.run(() => this.dataSource.transaction(work));
  }
}

/** The task, if it exists and `workerId` holds its lock. */
function heldBy(
  task: ExternalTaskRow | null,
  id: string,
  workerId: string,
  verb: string,
): ExternalTaskRow {
  if (!task) throw notFound(id);
  if (task.worker_id !== workerId) {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      `Worker '${workerId}' cannot ${verb} external task ${id}: it is locked by worker '${task.worker_id ?? 'nobody'}'.`,
    );
  }
  return task;
}

function notFound(id: string): ConveyorError {
  return new ConveyorError(ErrorCode.NotFound, `External task with id ${id} does not exist`);
}
