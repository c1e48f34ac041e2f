import { Injectable } from '@nestjs/common';

/**
 * Tells the job executor that a commit made a job due now (an async continuation, an overdue
 * timer), so it runs at once instead of at its next tick. In-process only; other nodes find the
 * job at their own tick.
 */
@Injectable()
export class JobSignals {
  private readonly listeners = new Set<() => void>();

  onDueJobs(listener: () => void): void {
    this.listeners.add(listener);
  }

  dueJobsCreated(): void {
    this.listeners.forEach((listener) => listener());
  }
}
