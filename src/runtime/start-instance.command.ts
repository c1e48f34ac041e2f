import { Injectable } from '@nestjs/common';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { parseVariables } from '../common/variables/index.js';
import { AppConfig } from '../config/app-config.js';
import { DefinitionCache } from '../definitions/definition-cache.js';
import type { ProcessDefinitionEntity } from '../definitions/process-definition.entity.js';
import type { StartInstanceDto } from './dto/start-instance.dto.js';
import {
  toProcessInstanceDto,
  toVariablesDto,
  type ProcessInstanceWithVariablesDto,
} from './dto/process-instance.dto.js';
import { UnitOfWork } from './unit-of-work.js';

/** Starts a process instance of a definition and runs it to its first wait states. */
@Injectable()
export class StartInstanceCommand {
  constructor(
    private readonly definitions: DefinitionCache,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  async execute(
    definition: ProcessDefinitionEntity,
    body: StartInstanceDto,
    startUserId: string | null,
  ): Promise<ProcessInstanceWithVariablesDto> {
    if (definition.suspended) {
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `Cannot start process instance. Process definition ${definition.id} is suspended`,
      );
    }
    const variables = parseVariables(body.variables ?? {}, {
      maxValueBytes: this.config.maxVariableBytes,
    });
    const result = await this.unitOfWork.start({
      definition: await this.definitions.get(definition.id),
      businessKey: body.businessKey ?? null,
      variables,
      startUserId,
    });
    const dto: ProcessInstanceWithVariablesDto = toProcessInstanceDto(
      result.instance,
      result.ended,
    );
    if (body.withVariablesInReturn) dto.variables = toVariablesDto(result.variables);
    return dto;
  }
}
