import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { Caller, type CallerInfo } from '../common/caller.decorator.js';
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

@Controller('engine-rest/process-instance')
export class ProcessInstanceController {
  constructor(
    private readonly instances: ProcessInstanceService,
    private readonly cancelInstance: CancelInstanceCommand,
    private readonly setVariables: SetVariablesCommand,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async list(@Query() query: ProcessInstanceQueryDto): Promise<ProcessInstanceDto[]> {
    return (await this.instances.list(query)).map((row) => toProcessInstanceDto(row));
  }

  @Post()
  @HttpCode(200)
  async query(
    @Body() body: ProcessInstanceQueryBodyDto,
    @Query() paging: ProcessInstanceQueryDto,
  ): Promise<ProcessInstanceDto[]> {
    const rows = await this.instances.list({
      ...body,
      firstResult: paging.firstResult,
      maxResults: paging.maxResults,
    });
    return rows.map((row) => toProcessInstanceDto(row));
  }

  @Get('count')
  async count(@Query() query: ProcessInstanceQueryDto): Promise<CountDto> {
    return { count: await this.instances.count(query) };
  }

  @Post('count')
  @HttpCode(200)
  async countByBody(@Body() body: ProcessInstanceQueryBodyDto): Promise<CountDto> {
    return { count: await this.instances.count(body) };
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<ProcessInstanceDto> {
    return toProcessInstanceDto(await this.instances.get(id));
  }

  @Delete(':id')
  @HttpCode(204)
  async cancel(
    @Param('id') id: string,
    @Caller() caller: CallerInfo,
    @Query('deleteReason') reason?: string,
  ): Promise<void> {
    await this.cancelInstance.execute(id, caller.userId, reason ?? null);
  }

  @Get(':id/activity-instances')
  activityInstances(@Param('id') id: string): Promise<ActivityInstanceDto> {
    return this.instances.activityTree(id);
  }

  @Get(':id/variables')
  async variables(@Param('id') id: string): Promise<Record<string, SerializedVariable>> {
    return toVariablesDto(await this.instances.variablesOf(id));
  }

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
    const deletions = Array.isArray(body.deletions) ? body.deletions.map(String) : [];
    await this.setVariables.execute(id, modifications, deletions, caller.userId);
  }

  @Get(':id/variables/:name')
  async variable(
    @Param('id') id: string,
    @Param('name') name: string,
  ): Promise<SerializedVariable> {
    return serializeVariable(await this.instances.variable(id, name));
  }

  @Put(':id/variables/:name')
  @HttpCode(204)
  async putVariable(
    @Param('id') id: string,
    @Param('name') name: string,
    @Body() body: unknown,
    @Caller() caller: CallerInfo,
  ): Promise<void> {
    const variable = parseVariable(name, body, { maxValueBytes: this.config.maxVariableBytes });
    await this.setVariables.execute(id, new Map([[name, variable]]), [], caller.userId);
  }

  @Delete(':id/variables/:name')
  @HttpCode(204)
  async deleteVariable(
    @Param('id') id: string,
    @Param('name') name: string,
    @Caller() caller: CallerInfo,
  ): Promise<void> {
    await this.setVariables.remove(id, name, caller.userId);
  }
}
