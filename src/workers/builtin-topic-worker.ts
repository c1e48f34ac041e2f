import type { SerializedVariable } from '../common/variables/index.js';
import type { LockedExternalTaskDto } from '../jobs/external-task-worker.service.js';

/** One external-task topic that Conveyor serves itself. */
export interface BuiltInTopicWorker {
  readonly topic: string;
  /**
   * Does the task's work and returns the variables to complete it with. Must be idempotent: when
   * a node stops after the work but before the completion, the task is fetched and handled again.
   * A thrown error becomes an external task failure (retries, then an incident).
   */
  handle(task: LockedExternalTaskDto): Promise<Record<string, SerializedVariable>>;
}

export function stringVariable(value: string): SerializedVariable {
  return { value, type: 'String', valueInfo: {} };
}

/** Plain values of variables in their REST shape (what a task's inputs are read from). */
export function plainValues(
  variables: Record<string, SerializedVariable>,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(variables).map(([name, v]) => [name, v.value]));
}
