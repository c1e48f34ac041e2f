import { AnyUser } from '../../auth/access.decorator.js';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Caller, type CallerInfo } from '../../common/caller.decorator.js';
import type { CountDto } from '../../common/query/count.dto.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';
import { HistoricVariableInstanceQueryDto } from './historic-variable-instance-query.dto.js';
import {
  toHistoricVariableInstanceDto,
  type HistoricVariableInstanceDto,
} from './historic-variable-instance.dto.js';
import { HistoricVariableInstanceService } from './historic-variable-instance.service.js';

@AnyUser()
@Controller('engine-rest/history/variable-instance')
export class HistoricVariableInstanceController {
  constructor(private readonly variables: HistoricVariableInstanceService) {}

  @Get()
  async list(
    @Caller() caller: CallerInfo,
    @Query() query: HistoricVariableInstanceQueryDto,
  ): Promise<HistoricVariableInstanceDto[]> {
    const rows = await this.variables.list(caller, query);
    return rows.map((row) => toHistoricVariableInstanceDto(row, query.deserializeValues ?? true));
  }

  @Post()
  @HttpCode(200)
  async query(
    @Caller() caller: CallerInfo,
    @Body() body: HistoricVariableInstanceQueryDto,
    @Query() paging: PagingQueryDto,
    @Query('deserializeValues') deserializeValues?: string,
  ): Promise<HistoricVariableInstanceDto[]> {
    const rows = await this.variables.list(caller, body, paging);
    return rows.map((row) => toHistoricVariableInstanceDto(row, deserializeValues !== 'false'));
  }

  @Get('count')
  async count(
    @Caller() caller: CallerInfo,
    @Query() query: HistoricVariableInstanceQueryDto,
  ): Promise<CountDto> {
    return { count: await this.variables.count(caller, query) };
  }

  @Post('count')
  @HttpCode(200)
  async countByBody(
    @Caller() caller: CallerInfo,
    @Body() body: HistoricVariableInstanceQueryDto,
  ): Promise<CountDto> {
    return { count: await this.variables.count(caller, body) };
  }

  @Get(':id')
  async get(
    @Caller() caller: CallerInfo,
    @Param('id') id: string,
    @Query('deserializeValue') deserializeValue?: string,
  ): Promise<HistoricVariableInstanceDto> {
    return toHistoricVariableInstanceDto(
      await this.variables.get(caller, id),
      deserializeValue !== 'false',
    );
  }
}
