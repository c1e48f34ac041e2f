import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { CountDto } from '../../common/query/count.dto.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';
import { HistoricVariableInstanceQueryDto } from './historic-variable-instance-query.dto.js';
import {
  toHistoricVariableInstanceDto,
  type HistoricVariableInstanceDto,
} from './historic-variable-instance.dto.js';
import { HistoricVariableInstanceService } from './historic-variable-instance.service.js';

@Controller('engine-rest/history/variable-instance')
export class HistoricVariableInstanceController {
  constructor(private readonly variables: HistoricVariableInstanceService) {}

  @Get()
  async list(
    @Query() query: HistoricVariableInstanceQueryDto,
  ): Promise<HistoricVariableInstanceDto[]> {
    const rows = await this.variables.list(query);
    return rows.map((row) => toHistoricVariableInstanceDto(row, query.deserializeValues ?? true));
  }

  @Post()
  @HttpCode(200)
  async query(
    @Body() body: HistoricVariableInstanceQueryDto,
    @Query() paging: PagingQueryDto,
    @Query('deserializeValues') deserializeValues?: string,
  ): Promise<HistoricVariableInstanceDto[]> {
    const rows = await this.variables.list(body, paging);
    return rows.map((row) => toHistoricVariableInstanceDto(row, deserializeValues !== 'false'));
  }

  @Get('count')
  async count(@Query() query: HistoricVariableInstanceQueryDto): Promise<CountDto> {
    return { count: await this.variables.count(query) };
  }

  @Post('count')
  @HttpCode(200)
  async countByBody(@Body() body: HistoricVariableInstanceQueryDto): Promise<CountDto> {
    return { count: await this.variables.count(body) };
  }

  @Get(':id')
  async get(
    @Param('id') id: string,
    @Query('deserializeValue') deserializeValue?: string,
  ): Promise<HistoricVariableInstanceDto> {
    return toHistoricVariableInstanceDto(
      await this.variables.get(id),
      deserializeValue !== 'false',
    );
  }
}
