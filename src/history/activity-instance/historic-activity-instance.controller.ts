import { AnyUser } from '../../auth/access.decorator.js';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Caller, type CallerInfo } from '../../common/caller.decorator.js';
import type { CountDto } from '../../common/query/count.dto.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';
import { HistoricActivityInstanceQueryDto } from './historic-activity-instance-query.dto.js';
import {
  toHistoricActivityInstanceDto,
  type HistoricActivityInstanceDto,
} from './historic-activity-instance.dto.js';
import { HistoricActivityInstanceService } from './historic-activity-instance.service.js';

@AnyUser()
@Controller('engine-rest/history/activity-instance')
export class HistoricActivityInstanceController {
  constructor(private readonly activities: HistoricActivityInstanceService) {}

  @Get()
  async list(
    @Caller() caller: CallerInfo,
    @Query() query: HistoricActivityInstanceQueryDto,
  ): Promise<HistoricActivityInstanceDto[]> {
    return (await this.activities.list(caller, query)).map(toHistoricActivityInstanceDto);
  }

  @Post()
  @HttpCode(200)
  async query(
    @Caller() caller: CallerInfo,
    @Body() body: HistoricActivityInstanceQueryDto,
    @Query() paging: PagingQueryDto,
  ): Promise<HistoricActivityInstanceDto[]> {
    return (await this.activities.list(caller, body, paging)).map(toHistoricActivityInstanceDto);
  }

  @Get('count')
  async count(
    @Caller() caller: CallerInfo,
    @Query() query: HistoricActivityInstanceQueryDto,
  ): Promise<CountDto> {
    return { count: await this.activities.count(caller, query) };
  }

  @Post('count')
  @HttpCode(200)
  async countByBody(
    @Caller() caller: CallerInfo,
    @Body() body: HistoricActivityInstanceQueryDto,
  ): Promise<CountDto> {
    return { count: await this.activities.count(caller, body) };
  }

  @Get(':id')
  async get(
    @Caller() caller: CallerInfo,
    @Param('id') id: string,
  ): Promise<HistoricActivityInstanceDto> {
    return toHistoricActivityInstanceDto(await this.activities.get(caller, id));
  }
}
