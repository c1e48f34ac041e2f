import { AnyUser } from '../../auth/access.decorator.js';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { Caller, type CallerInfo } from '../../common/caller.decorator.js';
import type { CountDto } from '../../common/query/count.dto.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';
import { HistoricTaskQueryDto } from './historic-task-query.dto.js';
import { toHistoricTaskInstanceDto, type HistoricTaskInstanceDto } from './historic-task.dto.js';
import { HistoricTaskService } from './historic-task.service.js';

@AnyUser()
@Controller('engine-rest/history/task')
export class HistoricTaskController {
  constructor(private readonly tasks: HistoricTaskService) {}

  @Get()
  async list(
    @Caller() caller: CallerInfo,
    @Query() query: HistoricTaskQueryDto,
  ): Promise<HistoricTaskInstanceDto[]> {
    return (await this.tasks.list(caller, query)).map(toHistoricTaskInstanceDto);
  }

  @Post()
  @HttpCode(200)
  async query(
    @Caller() caller: CallerInfo,
    @Body() body: HistoricTaskQueryDto,
    @Query() paging: PagingQueryDto,
  ): Promise<HistoricTaskInstanceDto[]> {
    return (await this.tasks.list(caller, body, paging)).map(toHistoricTaskInstanceDto);
  }

  @Get('count')
  async count(
    @Caller() caller: CallerInfo,
    @Query() query: HistoricTaskQueryDto,
  ): Promise<CountDto> {
    return { count: await this.tasks.count(caller, query) };
  }

  @Post('count')
  @HttpCode(200)
  async countByBody(
    @Caller() caller: CallerInfo,
    @Body() body: HistoricTaskQueryDto,
  ): Promise<CountDto> {
    return { count: await this.tasks.count(caller, body) };
  }
}
