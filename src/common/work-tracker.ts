import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { ConveyorError, ErrorCode } from './errors/conveyor-error.js';

/**
 * Tracks units of work in flight (engine commands, jobs) so a shutdown lets them finish
 * before the database closes, and refuses new ones once shutdown has begun.
 */
@Injectable()
export class WorkTracker implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private readonly inFlight = new Set<Promise<unknown>>();
  private stopping = false;

  constructor(private readonly config: AppConfig) {}

  get isStopping(): boolean {
    return this.stopping;
  }

  get size(): number {
    return this.inFlight.size;
  }

  /** Runs one unit of work, tracked until it settles. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.stopping) {
      return Promise.reject(
        new ConveyorError(ErrorCode.Unavailable, 'The service is shutting down'),
      );
    }
    const promise = work();
    this.inFlight.add(promise);
    const forget = () => this.inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.inFlight.size === 0) return;
    this.logger.log(`Waiting for ${this.inFlight.size} unit(s) of work to finish`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.config.shutdownTimeoutMs);
    });
    const outcome = await Promise.race([Promise.allSettled([...this.inFlight]), timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.logger.warn(
        `${this.inFlight.size} unit(s) of work still running after the shutdown timeout`,
      );
    }
  }
}
