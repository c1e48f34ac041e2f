import { Injectable } from '@nestjs/common';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import {
  parseVariables,
  serializeVariable,
  type SerializedVariable,
} from '../common/variables/index.js';
import { AppConfig } from '../config/app-config.js';
import { DefinitionCache } from '../definitions/definition-cache.js';
import type { ProcessDefinitionEntity } from '../definitions/process-definition.entity.js';
import { chosenStartEvent } from '../engine/start-events.js';
import {
  assertValidSubmission,
  formVariables,
  normalizeFormSubmission,
  type FormField,
} from '../tasks/forms/index.js';
import { TaskFormService } from '../tasks/task-form.service.js';
import type { ProcessInstanceWithVariablesDto } from './dto/process-instance.dto.js';
import { StartInstanceCommand } from './start-instance.command.js';

/**
 * The start form of a definition: the camunda:formData of the start event a REST start runs (the
 * process's none start event), read and validated with the same code as a user task's form.
 */
@Injectable()
export class StartFormService {
  constructor(
    private readonly definitions: DefinitionCache,
    private readonly forms: TaskFormService,
    private readonly startInstance: StartInstanceCommand,
    private readonly config: AppConfig,
  ) {}

  /** Camunda's GET /process-definition/{id}/form-variables: each field's default, typed. */
  async formVariables(
    definition: ProcessDefinitionEntity,
  ): Promise<Record<string, SerializedVariable>> {
    const fields = await this.fieldsOf(definition);
    return formVariables(fields, {}, this.forms.optionsFor({}));
  }

  /** Camunda's POST /process-definition/{id}/submit-form: validate, then start the instance. */
  async submit(
    definition: ProcessDefinitionEntity,
    body: { variables?: unknown; businessKey?: unknown },
    startUserId: string | null,
  ): Promise<ProcessInstanceWithVariablesDto> {
    const businessKey = body.businessKey ?? undefined;
    if (
      businessKey !== undefined &&
      (typeof businessKey !== 'string' || businessKey.length > 255)
    ) {
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        'businessKey must be a text of at most 255',
      );
    }
    const submitted = parseVariables(body.variables ?? {}, {
      maxValueBytes: this.config.maxVariableBytes,
    });
    const fields = await this.fieldsOf(definition);
    assertValidSubmission(fields, submitted, {}, this.forms.optionsFor({}));
    const variables: Record<string, SerializedVariable> = {};
    for (const [name, variable] of normalizeFormSubmission(fields, submitted)) {
      variables[name] = serializeVariable(variable);
    }
    return this.startInstance.execute(definition, { variables, businessKey }, startUserId);
  }

  private async fieldsOf(definition: ProcessDefinitionEntity): Promise<FormField[]> {
    const { source } = await this.definitions.get(definition.id);
    const start = chosenStartEvent(source, definition.key);
    if (!start) return [];
    return this.forms.fieldsOf({ definition_id: definition.id, activity_id: start.id });
  }
}
