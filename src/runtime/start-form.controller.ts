import { AnyUser } from '../auth/access.decorator.js';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Caller, type CallerInfo } from '../common/caller.decorator.js';
import type { SerializedVariable } from '../common/variables/index.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import type { ProcessInstanceWithVariablesDto } from './dto/process-instance.dto.js';
import { StartFormService } from './start-form.service.js';

/**
 * A definition's start form (Camunda 7's generated start forms): who may start an instance may
 * read its form and start it through the form, as with POST …/start.
 */
@AnyUser()
@Controller('engine-rest/process-definition')
export class StartFormController {
  constructor(
    private readonly definitions: DefinitionsService,
    private readonly startForm: StartFormService,
  ) {}

  @Get(':id/form-variables')
  async formVariables(@Param('id') id: string): Promise<Record<string, SerializedVariable>> {
    return this.startForm.formVariables(await this.definitions.getDefinition(id));
  }

  @Post(':id/submit-form')
  @HttpCode(200)
  async submitForm(
    @Param('id') id: string,
    @Body() body: { variables?: unknown; businessKey?: unknown },
    @Caller() caller: CallerInfo,
  ): Promise<ProcessInstanceWithVariablesDto> {
    return this.startForm.submit(await this.definitions.getDefinition(id), body, caller.userId);
  }
}
