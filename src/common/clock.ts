import { Injectable } from '@nestjs/common';

/**
 * The service's notion of "now". Everything that schedules or stamps time asks this, never `new Date()`,
 * so tests move time forward (a 7-day timer in a millisecond) instead of sleeping.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves this process's clock forward (tests only; nothing in the service calls it). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
