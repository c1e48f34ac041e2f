import { Injectable } from '@nestjs/common';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import type { SerializedVariable } from '../common/variables/index.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import type { LockedExternalTaskDto } from '../jobs/external-task-worker.service.js';
import { StartInstanceCommand } from '../runtime/start-instance.command.js';
import { stringVariable, type BuiltInTopicWorker } from './builtin-topic-worker.js';
import {
  BuiltInWorkersRepository,
  STARTED_BY_EXTERNAL_TASK,
} from './builtin-workers.repository.js';
import { ExternalTaskVariables } from './external-task-variables.js';

export const START_PROCESS_TOPIC = 'conveyor.start-process';

/**
 * `conveyor.start-process`: starts the latest version of `processDefinitionKey` with
 * `businessKey` and every other variable visible to the task, and completes the task with
 * `startedProcessInstanceId`.
 *
 * Idempotent: the new instance carries `startedByExternalTask` = the external task's id, and a
 * retry (the node stopped after the start, before the completion) finds that instance instead of
 * starting a second one. A retry and a first attempt never run at once: the task is locked.
 */
@Injectable()
export class StartProcessWorker implements BuiltInTopicWorker {
  readonly topic = START_PROCESS_TOPIC;

  constructor(
    private readonly visible: ExternalTaskVariables,
    private readonly definitions: DefinitionsService,
    private readonly startInstance: StartInstanceCommand,
    private readonly repository: BuiltInWorkersRepository,
  ) {}

  async handle(task: LockedExternalTaskDto): Promise<Record<string, SerializedVariable>> {
    const { processDefinitionKey, businessKey, ...copied } = await this.visible.visibleTo(task);
    const key = textOf(processDefinitionKey);
    if (!key) {
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `${START_PROCESS_TOPIC} needs the input parameter processDefinitionKey`,
      );
    }
    const startedId =
      (await this.repository.instanceStartedBy(task.id, key)) ??
      (await this.start(task, key, textOf(businessKey), copied));
    return { startedProcessInstanceId: stringVariable(startedId) };
  }

  private async start(
    task: LockedExternalTaskDto,
    key: string,
    businessKey: string | null,
    variables: Record<string, SerializedVariable>,
  ): Promise<string> {
    const definition = await this.definitions.getLatestByKey(key);
    const started = await this.startInstance.execute(
      definition,
      {
        businessKey: businessKey ?? undefined,
        variables: { ...variables, [STARTED_BY_EXTERNAL_TASK]: stringVariable(task.id) },
      },
      null,
    );
    return started.id;
  }
}

function textOf(variable: SerializedVariable | undefined): string | null {
  const value = variable?.value;
  if (value === null || value === undefined) return null;
  const text = (typeof value === 'string' ? value : JSON.stringify(value)).trim();
  return text === '' ? null : text;
}
