import { AnyUser } from '../../auth/access.decorator.js';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Caller, type CallerInfo } from '../../common/caller.decorator.js';
import type { CountDto } from '../../common/query/count.dto.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';
import { HistoricProcessInstanceQueryDto } from './historic-process-instance-query.dto.js';
import {
  toHistoricProcessInstanceDto,
  type HistoricProcessInstanceDto,
} from './historic-process-instance.dto.js';
import { HistoricProcessInstanceService } from './historic-process-instance.service.js';

@AnyUser()
@Controller('engine-rest/history/process-instance')
export class HistoricProcessInstanceController {
  constructor(private readonly instances: HistoricProcessInstanceService) {}

  @Get()
  async list(
    @Caller() caller: CallerInfo,
    @Query() query: HistoricProcessInstanceQueryDto,
  ): Promise<HistoricProcessInstanceDto[]> {
    return (await this.instances.list(caller, query)).map(toHistoricProcessInstanceDto);
  }

  @Post()
  @HttpCode(200)
  async query(
    @Caller() caller: CallerInfo,
    @Body() body: HistoricProcessInstanceQueryDto,
    @Query() paging: PagingQueryDto,
  ): Promise<HistoricProcessInstanceDto[]> {
    return (await this.instances.list(caller, body, paging)).map(toHistoricProcessInstanceDto);
  }

  @Get('count')
  async count(
    @Caller() caller: CallerInfo,
    @Query() query: HistoricProcessInstanceQueryDto,
  ): Promise<CountDto> {
    return { count: await this.instances.count(caller, query) };
  }

  @Post('count')
  @HttpCode(200)
  async countByBody(
    @Caller() caller: CallerInfo,
    @Body() body: HistoricProcessInstanceQueryDto,
  ): Promise<CountDto> {
    return { count: await this.instances.count(caller, body) };
  }

  @Get(':id')
  async get(
    @Caller() caller: CallerInfo,
    @Param('id') id: string,
  ): Promise<HistoricProcessInstanceDto> {
    return toHistoricProcessInstanceDto(await this.instances.get(caller, id));
  }
}
