import { Injectable, Logger } from '@nestjs/common';
import { WorkTracker } from '../common/work-tracker.js';
import { AppConfig } from '../config/app-config.js';
import {
  ExternalTaskWorkerService,
  type LockedExternalTaskDto,
} from '../jobs/external-task-worker.service.js';
import type { BuiltInTopicWorker } from './builtin-topic-worker.js';

/** Longer than any handler takes: a stopped node's tasks come back to the others after it. */
const LOCK_MS = 5 * 60_000;
const BATCH = 20;
/** Bounds one round, even when completed tasks keep creating new ones of the same topic. */
const MAX_BATCHES = 10;
/** A failing task is retried this often before it becomes an incident, as the job executor does. */
export const BUILTIN_RETRIES = 3;
/** Wait before the next attempt, by retries left: 3 → 10 s, 2 → 1 min, 1 → 5 min. */
const BACKOFF_MS: Record<number, number> = { 3: 10_000, 2: 60_000, 1: 300_000 };

/**
 * One round of one built-in worker over the external task API, exactly as an outside worker would
 * use it: fetch and lock its topic, handle each task, complete it — or report a failure with
 * retries and a backoff; with none left the external task service raises an incident.
 */
@Injectable()
export class ExternalTaskRound {
  private readonly logger = new Logger('BuiltInWorkers');
  readonly workerId: string;

  constructor(
    private readonly externalTasks: ExternalTaskWorkerService,
    private readonly work: WorkTracker,
    config: AppConfig,
  ) {
    this.workerId = `conveyor-builtin@${config.jobs.nodeId}`;
  }

  /** Handles every task of the worker's topic available now; returns how many were handled. */
  async run(worker: BuiltInTopicWorker): Promise<number> {
    let handled = 0;
    for (let batch = 0; batch < MAX_BATCHES && !this.work.isStopping; batch++) {
      const tasks = await this.externalTasks.fetchAndLock({
        workerId: this.workerId,
        maxTasks: BATCH,
        topics: [{ topicName: worker.topic, lockDuration: LOCK_MS }],
      });
      for (const task of tasks) {
        if (this.work.isStopping) return handled; // its lock expires; another node takes it
        await this.handle(worker, task);
        handled++;
      }
      // Completing a task may create the next one of this topic (two notifications in a row).
      if (tasks.length === 0) break;
    }
    return handled;
  }

  private async handle(worker: BuiltInTopicWorker, task: LockedExternalTaskDto): Promise<void> {
    try {
      const variables = await worker.handle(task);
      await this.externalTasks.complete(task.id, { workerId: this.workerId, variables });
    } catch (error) {
      await this.reportFailure(task, error instanceof Error ? error : new Error(String(error)));
    }
  }

  private async reportFailure(task: LockedExternalTaskDto, error: Error): Promise<void> {
    const retries = task.retries === null ? BUILTIN_RETRIES : Math.max(task.retries - 1, 0);
    this.logger.warn(
      `${task.topicName} task ${task.id} (instance ${task.processInstanceId}) failed, ${retries} retries left: ${error.message}`,
    );
    try {
      await this.externalTasks.failure(task.id, {
        workerId: this.workerId,
        errorMessage: error.message,
        errorDetails: error.stack ?? error.message,
        retries,
        retryTimeout: BACKOFF_MS[retries] ?? 0,
      });
    } catch (reportError) {
      // The task is gone (its instance was cancelled) or no longer ours: nothing left to retry.
      this.logger.warn(
        `Could not report the failure of task ${task.id}: ${reportError instanceof Error ? reportError.message : String(reportError)}`,
      );
    }
  }
}
