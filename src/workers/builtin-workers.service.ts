import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { WorkTracker } from '../common/work-tracker.js';
import { AppConfig } from '../config/app-config.js';
import { NotificationDispatcher } from '../notifications/notification-dispatcher.service.js';
import type { BuiltInTopicWorker } from './builtin-topic-worker.js';
import { ExternalTaskRound } from './external-task-round.js';
import { NotificationTaskWorker } from './notification-task.worker.js';
import { StartProcessWorker } from './start-process.worker.js';

const INTERVAL = 'builtin-workers';

/**
 * Conveyor's own external-task workers (starting processes, notifications), run on this node when
 * CONVEYOR_BUILTIN_WORKERS is on: every pollMs, one round of each worker. They go through the same
 * external task API as any outside worker, so any number of nodes may run them side by side.
 */
@Injectable()
export class BuiltInWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('BuiltInWorkers');
  private readonly workers: BuiltInTopicWorker[];
  private current: Promise<number> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly work: WorkTracker,
    private readonly round: ExternalTaskRound,
    private readonly dispatcher: NotificationDispatcher,
    startProcess: StartProcessWorker,
    notification: NotificationTaskWorker,
  ) {
    this.workers = [startProcess, notification];
  }

  get workerId(): string {
    return this.round.workerId;
  }

  onApplicationBootstrap(): void {
    if (!this.config.builtinWorkers.enabled) return;
    this.scheduler.addInterval(
      INTERVAL,
      setInterval(() => this.wake(), this.config.builtinWorkers.pollMs),
    );
    this.wake(); // tasks that arrived while every node was down are served now
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', INTERVAL)) this.scheduler.deleteInterval(INTERVAL);
  }

  /** Starts a round unless one is running (rounds never overlap on one node). */
  wake(): void {
    if (this.work.isStopping || this.current) return;
    this.runOnce().catch((error: unknown) =>
      this.logger.error(error instanceof Error ? error.stack : String(error)),
    );
  }

  /**
   * Runs one round after any round in progress: every topic worker, then the notification
   * dispatcher; returns how many tasks and notifications it handled. Tests call it instead of waiting for the interval.
   */
  runOnce(): Promise<number> {
    const previous = this.current ?? Promise.resolve(0);
    const next = previous.catch(() => 0).then(() => this.work.run(() => this.runWorkers()));
    this.current = next;
    const clear = () => {
      if (this.current === next) this.current = null;
    };
    next.then(clear, clear);
    return next;
  }

  private async runWorkers(): Promise<number> {
    let handled = 0;
    for (const worker of this.workers) handled += await this.round.run(worker);
    // Notifications recorded by this round go out in the same round.
    return handled + (await this.dispatcher.dispatchDue(this.workerId));
  }
}
