import { Injectable } from '@nestjs/common';
import type { SerializedVariable } from '../common/variables/index.js';
import type { LockedExternalTaskDto } from '../jobs/external-task-worker.service.js';

/**
 * Every variable visible to a fetched external task: fetchAndLock returns the process variables
 * shadowed by the task's input parameters (its local variables), as Camunda does.
 */
@Injectable()
export class ExternalTaskVariables {
  visibleTo(task: LockedExternalTaskDto): Promise<Record<string, SerializedVariable>> {
    return Promise.resolve(task.variables);
  }
}
