import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { CountDto } from '../../common/query/count.dto.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';
import { HistoricProcessInstanceQueryDto } from './historic-process-instance-query.dto.js';
import {
  toHistoricProcessInstanceDto,
  type HistoricProcessInstanceDto,
} from './historic-process-instance.dto.js';
import { HistoricProcessInstanceService } from './historic-process-instance.service.js';

@Controller('engine-rest/history/process-instance')
export class HistoricProcessInstanceController {
  constructor(private readonly instances: HistoricProcessInstanceService) {}

  @Get()
  async list(
    @Query() query: HistoricProcessInstanceQueryDto,
  ): Promise<HistoricProcessInstanceDto[]> {
    return (await this.instances.list(query)).map(toHistoricProcessInstanceDto);
  }

  @Post()
  @HttpCode(200)
  async query(
    @Body() body: HistoricProcessInstanceQueryDto,
    @Query() paging: PagingQueryDto,
  ): Promise<HistoricProcessInstanceDto[]> {
    return (await this.instances.list(body, paging)).map(toHistoricProcessInstanceDto);
  }

  @Get('count')
  async count(@Query() query: HistoricProcessInstanceQueryDto): Promise<CountDto> {
    return { count: await this.instances.count(query) };
  }

  @Post('count')
  @HttpCode(200)
  async countByBody(@Body() body: HistoricProcessInstanceQueryDto): Promise<CountDto> {
    return { count: await this.instances.count(body) };
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<HistoricProcessInstanceDto> {
    return toHistoricProcessInstanceDto(await this.instances.get(id));
  }
}
