import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { CountDto } from '../../common/query/count.dto.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';
import { HistoricActivityInstanceQueryDto } from './historic-activity-instance-query.dto.js';
import {
  toHistoricActivityInstanceDto,
  type HistoricActivityInstanceDto,
} from './historic-activity-instance.dto.js';
import { HistoricActivityInstanceService } from './historic-activity-instance.service.js';

@Controller('engine-rest/history/activity-instance')
export class HistoricActivityInstanceController {
  constructor(private readonly activities: HistoricActivityInstanceService) {}

  @Get()
  async list(
    @Query() query: HistoricActivityInstanceQueryDto,
  ): Promise<HistoricActivityInstanceDto[]> {
    return (await this.activities.list(query)).map(toHistoricActivityInstanceDto);
  }

  @Post()
  @HttpCode(200)
  async query(
    @Body() body: HistoricActivityInstanceQueryDto,
    @Query() paging: PagingQueryDto,
  ): Promise<HistoricActivityInstanceDto[]> {
    return (await this.activities.list(body, paging)).map(toHistoricActivityInstanceDto);
  }

  @Get('count')
  async count(@Query() query: HistoricActivityInstanceQueryDto): Promise<CountDto> {
    return { count: await this.activities.count(query) };
  }

  @Post('count')
  @HttpCode(200)
  async countByBody(@Body() body: HistoricActivityInstanceQueryDto): Promise<CountDto> {
    return { count: await this.activities.count(body) };
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<HistoricActivityInstanceDto> {
    return toHistoricActivityInstanceDto(await this.activities.get(id));
  }
}
