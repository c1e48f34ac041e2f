import { Access, AnyUser } from '../auth/access.decorator.js';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Caller, type CallerInfo } from '../common/caller.decorator.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import { StartInstanceDto } from './dto/start-instance.dto.js';
import type { ProcessInstanceWithVariablesDto } from './dto/process-instance.dto.js';
import { StartInstanceCommand } from './start-instance.command.js';
import {
  StatisticsService,
  type ActivityStatisticsDto,
  type DefinitionStatisticsDto,
} from './statistics.service.js';

/** The runtime side of /process-definition: starting instances and instance statistics. */
@AnyUser()
@Controller('engine-rest/process-definition')
export class ProcessDefinitionRuntimeController {
  constructor(
    private readonly definitions: DefinitionsService,
    private readonly startInstance: StartInstanceCommand,
    private readonly statistics: StatisticsService,
  ) {}

  @Access('admin', 'analyst', 'manager')
  @Get('statistics')
  allStatistics(@Caller() caller: CallerInfo): Promise<DefinitionStatisticsDto[]> {
    return this.statistics.perDefinition(caller);
  }

  @Post('key/:key/start')
  @HttpCode(200)
  async startByKey(
    @Param('key') key: string,
    @Body() body: StartInstanceDto,
    @Caller() caller: CallerInfo,
  ): Promise<ProcessInstanceWithVariablesDto> {
    return this.startInstance.execute(
      await this.definitions.getLatestByKey(key),
      body,
      caller.userId,
    );
  }

  @Access('admin', 'analyst', 'manager')
  @Get('key/:key/statistics')
  async statisticsByKey(
    @Param('key') key: string,
    @Caller() caller: CallerInfo,
  ): Promise<ActivityStatisticsDto[]> {
    return this.statistics.perActivity((await this.definitions.getLatestByKey(key)).id, caller);
  }

  @Post(':id/start')
  @HttpCode(200)
  async start(
    @Param('id') id: string,
    @Body() body: StartInstanceDto,
    @Caller() caller: CallerInfo,
  ): Promise<ProcessInstanceWithVariablesDto> {
    return this.startInstance.execute(
      await this.definitions.getDefinition(id),
      body,
      caller.userId,
    );
  }

  @Access('admin', 'analyst', 'manager')
  @Get(':id/statistics')
  async statisticsOf(
    @Param('id') id: string,
    @Caller() caller: CallerInfo,
  ): Promise<ActivityStatisticsDto[]> {
    return this.statistics.perActivity((await this.definitions.getDefinition(id)).id, caller);
  }
}
