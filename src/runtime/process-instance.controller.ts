import { Access, AnyUser } from '../auth/access.decorator.js';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { Caller, type CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import type { CountDto } from '../common/query/count.dto.js';
import {
  parseVariable,
  parseVariables,
  serializeVariable,
  type SerializedVariable,
} from '../common/variables/index.js';
import { AppConfig } from '../config/app-config.js';
import { CancelInstanceCommand } from './cancel-instance.command.js';
import { ProcessInstanceQueryBodyDto, ProcessInstanceQueryDto } from './dto/instance-query.dto.js';
import {
  toProcessInstanceDto,
  toVariablesDto,
  type ProcessInstanceDto,
} from './dto/process-instance.dto.js';
import { ProcessInstanceService, type ActivityInstanceDto } from './process-instance.service.js';
import { SetVariablesCommand } from './set-variables.command.js';

@AnyUser()
@Controller('engine-rest/process-instance')
export class ProcessInstanceController {
  constructor(
    private readonly instances: ProcessInstanceService,
    private readonly cancelInstance: CancelInstanceCommand,
    private readonly setVariables: SetVariablesCommand,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async list(
    @Query() query: ProcessInstanceQueryDto,
    @Caller() caller: CallerInfo,
  ): Promise<ProcessInstanceDto[]> {
    return (await this.instances.list(query, caller)).map((row) => toProcessInstanceDto(row));
  }

  @Post()
  @HttpCode(200)
  async query(
    @Body() body: ProcessInstanceQueryBodyDto,
    @Query() paging: ProcessInstanceQueryDto,
    @Caller() caller: CallerInfo,
  ): Promise<ProcessInstanceDto[]> {
    const rows = await this.instances.list(
      { ...body, firstResult: paging.firstResult, maxResults: paging.maxResults },
      caller,
    );
    return rows.map((row) => toProcessInstanceDto(row));
  }

  @Get('count')
  async count(
    @Query() query: ProcessInstanceQueryDto,
    @Caller() caller: CallerInfo,
  ): Promise<CountDto> {
    return { count: await this.instances.count(query, caller) };
  }

  @Post('count')
  @HttpCode(200)
  async countByBody(
    @Body() body: ProcessInstanceQueryBodyDto,
    @Caller() caller: CallerInfo,
  ): Promise<CountDto> {
    return { count: await this.instances.count(body, caller) };
  }

  @Get(':id')
  async get(@Param('id') id: string, @Caller() caller: CallerInfo): Promise<ProcessInstanceDto> {
    return toProcessInstanceDto(await this.instances.get(id, caller));
  }

  @Access('admin', 'manager')
  @Delete(':id')
  @HttpCode(204)
  async cancel(
    @Param('id') id: string,
    @Caller() caller: CallerInfo,
    @Query('deleteReason') reason?: string,
  ): Promise<void> {
    await this.cancelInstance.execute(id, caller, reason ?? null);
  }

  @Get(':id/activity-instances')
  activityInstances(
    @Param('id') id: string,
    @Caller() caller: CallerInfo,
  ): Promise<ActivityInstanceDto> {
    return this.instances.activityTree(id, caller);
  }

  @Get(':id/variables')
  async variables(
    @Param('id') id: string,
    @Caller() caller: CallerInfo,
  ): Promise<Record<string, SerializedVariable>> {
    return toVariablesDto(await this.instances.variablesOf(id, caller));
  }

  @Access('admin', 'manager')
  @Post(':id/variables')
  @HttpCode(204)
  async modifyVariables(
    @Param('id') id: string,
    @Body() body: { modifications?: unknown; deletions?: unknown },
    @Caller() caller: CallerInfo,
  ): Promise<void> {
    const modifications = parseVariables(body.modifications ?? {}, {
      maxValueBytes: this.config.maxVariableBytes,
    });
    const deletions = variableNames(body.deletions);
    await this.setVariables.execute(id, modifications, deletions, caller);
  }

  @Get(':id/variables/:name')
  async variable(
    @Param('id') id: string,
    @Param('name') name: string,
    @Caller() caller: CallerInfo,
  ): Promise<SerializedVariable> {
    return serializeVariable(await this.instances.variable(id, name, caller));
  }

  @Access('admin', 'manager')
  @Put(':id/variables/:name')
  @HttpCode(204)
  async putVariable(
    @Param('id') id: string,
    @Param('name') name: string,
    @Body() body: unknown,
    @Caller() caller: CallerInfo,
  ): Promise<void> {
    const variable = parseVariable(name, body, { maxValueBytes: this.config.maxVariableBytes });
    await this.setVariables.execute(id, new Map([[name, variable]]), [], caller);
  }

  @Access('admin', 'manager')
  @Delete(':id/variables/:name')
  @HttpCode(204)
  async deleteVariable(
    @Param('id') id: string,
    @Param('name') name: string,
    @Caller() caller: CallerInfo,
  ): Promise<void> {
    await this.setVariables.remove(id, name, caller);
  }
}

/** `deletions` of a modification: absent, or a list of variable names. */
function variableNames(deletions: unknown): string[] {
  if (deletions === undefined || deletions === null) return [];
  if (!Array.isArray(deletions) || !deletions.every((name) => typeof name === 'string')) {
    throw new ConveyorError(ErrorCode.InvalidRequest, 'deletions must be a list of variable names');
  }
  return deletions;
}
