import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { JobSignals } from '../common/job-signals.js';
import { WorkTracker } from '../common/work-tracker.js';
import { AppConfig } from '../config/app-config.js';
import { ExecuteJobCommand } from './execute-job.command.js';
import { IncidentRepository } from './incident.repository.js';
import { JobRepository, type JobRow } from './job.repository.js';
import { nextAttempt } from './retry-cycle.js';

const BATCH = 20;

/** Runs `task` for every item, at most `limit` at a time. */
async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * DESIGN.md §4: the job executor. Ticked by @nestjs/schedule (and woken after commits that made a
 * job due), it claims due jobs with FOR UPDATE SKIP LOCKED and a lease, runs each as a unit of work
 * and, when one fails, retries it after a backoff (camunda:failedJobRetryTimeCycle, else 10 s,
 * 1 min, 5 min) until its retries run out and it becomes an
 * incident. Execution is at least once: a job whose timer no longer waits does nothing.
 */
@Injectable()
export class JobExecutor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobExecutor');
  private running: Promise<number> | null = null;
  private again = false;

  constructor(
    private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly dataSource: DataSource,
    private readonly jobs: JobRepository,
    private readonly incidents: IncidentRepository,
    private readonly executeJob: ExecuteJobCommand,
    private readonly work: WorkTracker,
    private readonly clock: Clock,
    private readonly signals: JobSignals,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobs.enabled) return;
    this.scheduler.addInterval(
      'job-executor',
      setInterval(() => this.wake(), this.config.jobs.pollMs),
    );
    this.signals.onDueJobs(() => this.wake());
    this.wake(); // jobs that fell due while every node was down run now
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', 'job-executor'))
      this.scheduler.deleteInterval('job-executor');
  }

  /** Asks for a run soon; runs never overlap on one node. */
  wake(): void {
    if (this.work.isStopping) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runDueJobs().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
    this.running.catch((error: unknown) =>
      this.logger.error(error instanceof Error ? error.stack : String(error)),
    );
  }

  /** Runs every job due now (batch after batch); returns how many ran. Tests call it after moving the clock. */
  async runDueJobs(): Promise<number> {
    let total = 0;
    for (;;) {
      if (this.work.isStopping) return total;
      const now = this.clock.now();
      const leaseUntil = new Date(now.getTime() + this.config.jobs.lockMs);
      const batch = await this.work.run(() =>
        this.dataSource.transaction((tx) =>
          this.jobs.acquire(tx, this.config.jobs.nodeId, now, leaseUntil, BATCH),
        ),
      );
      if (batch.length === 0) return total;
      // Each job is its own unit of work locking its instance: jobs of one instance still run one
      // after another, jobs of different instances overlap their database round trips.
      await forEachConcurrently(batch, this.config.jobs.concurrency, (job) =>
        job.abandoned
          ? this.fail(
              job,
              new Error(
                `The node running job ${job.id} stopped before it finished (its lease expired)`,
              ),
            )
          : this.run(job, leaseUntil),
      );
      total += batch.length;
    }
  }

  private async run(job: JobRow, leaseUntil: Date): Promise<void> {
    const { nodeId, lockMs } = this.config.jobs;
    const now = this.clock.now().getTime();
    // No node takes a job before its lease ran out, so while half the batch's lease is left the job
    // is still this node's, as acquired. Later (the jobs ahead of it took long) renew the lease, or
    // leave the job to the node that took it over meanwhile.
    const leased =
      now < leaseUntil.getTime() - lockMs / 2
        ? job
        : await this.jobs.renewLease(job.id, nodeId, new Date(now + lockMs));
    if (!leased) return;
    try {
      // A job whose row stays (e.g. a timer still pending) is free again.
      if (await this.executeJob.run(leased)) await this.jobs.unlock(job.id, nodeId);
    } catch (error) {
      await this.fail(job, error instanceof Error ? error : new Error(String(error)));
    }
  }

  private async fail(job: JobRow, error: Error): Promise<void> {
    const retries = Math.max(job.retries - 1, 0);
    const now = this.clock.now();
    const cycle = (job.handler as { retryCycle?: string }).retryCycle;
    const recorded = await this.jobs.recordFailure(job.id, this.config.jobs.nodeId, {
      message: error.message,
      stacktrace: error.stack ?? error.message,
      retries,
      dueDate: nextAttempt(cycle, retries, now),
    });
    // Another node took the job over (this lease ran out): its run decides, not this failure.
    if (!recorded) return;
    this.logger.warn(
      `Job ${job.id} (${job.type} at ${job.activity_id}) failed, ${retries} retries left: ${error.message}`,
    );
    if (retries === 0) {
      await this.incidents.createOutside({
        type: 'failedJob',
        instance_id: job.instance_id,
        definition_id: job.definition_id,
        activity_id: job.activity_id,
        execution_id: job.execution_id,
        job_id: job.id,
        external_task_id: null,
        message: error.message,
        created: now,
      });
    }
  }
}
