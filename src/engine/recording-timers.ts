/** A timer the engine asked for: recorded, never scheduled in memory; persisted as a job row by the projection. */
export interface RecordedTimer {
  activityId: string;
  /** Execution id of the timer event definition (`<activity execution>_0`). */
  executionId: string;
  /** Execution id of the activity or boundary event that owns the timer. */
  ownerExecutionId: string | null;
  delayMs: number;
  expireAt: Date;
  timerType: string | null;
  fire(): void;
}

interface TimerOwner {
  id?: string;
  executionId?: string;
  parent?: { id?: string; executionId?: string };
  expireAt?: string | Date;
  timerType?: string;
}

type Callback = (...args: unknown[]) => void;

/**
 * bpmn-engine's `timers` option. Long waits must not live in setTimeout (limit 2^31-1 ms, lost on a
 * restart): this object only records each timer so the unit of work can persist it as a job, and
 * `fire()` later runs the engine's own callback, exactly as a real timeout would. One per engine:
 * engine.stop() clears every recorded timer.
 */
export class RecordingTimers {
  private readonly refs = new Map<number, RecordedTimer>();
  private sequence = 0;

  get executing(): RecordedTimer[] {
    return [...this.refs.values()];
  }

  register(owner: TimerOwner) {
    return {
      setTimeout: (callback: Callback, delay: number, ...args: unknown[]) =>
        this.record(owner, callback, delay, args),
      clearTimeout: (ref: { key: number } | undefined) => this.clearTimeout(ref),
    };
  }

  setTimeout(callback: Callback, delay: number, ...args: unknown[]) {
    return this.record({}, callback, delay, args);
  }

  clearTimeout(ref: { key: number } | undefined): void {
    if (ref) this.refs.delete(ref.key);
  }

  find(executionId: string): RecordedTimer | undefined {
    return this.executing.find((timer) => timer.executionId === executionId);
  }

  private record(owner: TimerOwner, callback: Callback, delay: number, args: unknown[]) {
    const key = this.sequence++;
    const timer: RecordedTimer = {
      // The timer's content id is its event definition's when that has an id; the element is the parent.
      activityId: owner.parent?.id ?? owner.id ?? '',
      executionId: owner.executionId ?? `timer-${key}`,
      ownerExecutionId: owner.parent?.executionId ?? null,
      delayMs: delay,
      expireAt: owner.expireAt ? new Date(owner.expireAt) : new Date(Date.now() + delay),
      timerType: owner.timerType ?? null,
      fire: () => {
        this.refs.delete(key);
        callback(...args);
      },
    };
    this.refs.set(key, timer);
    return { key };
  }
}
