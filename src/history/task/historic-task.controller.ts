import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import type { CountDto } from '../../common/query/count.dto.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';
import { HistoricTaskQueryDto } from './historic-task-query.dto.js';
import { toHistoricTaskInstanceDto, type HistoricTaskInstanceDto } from './historic-task.dto.js';
import { HistoricTaskService } from './historic-task.service.js';

@Controller('engine-rest/history/task')
export class HistoricTaskController {
  constructor(private readonly tasks: HistoricTaskService) {}

  @Get()
  async list(@Query() query: HistoricTaskQueryDto): Promise<HistoricTaskInstanceDto[]> {
    return (await this.tasks.list(query)).map(toHistoricTaskInstanceDto);
  }

  @Post()
  @HttpCode(200)
  async query(
    @Body() body: HistoricTaskQueryDto,
    @Query() paging: PagingQueryDto,
  ): Promise<HistoricTaskInstanceDto[]> {
    return (await this.tasks.list(body, paging)).map(toHistoricTaskInstanceDto);
  }

  @Get('count')
  async count(@Query() query: HistoricTaskQueryDto): Promise<CountDto> {
    return { count: await this.tasks.count(query) };
  }

  @Post('count')
  @HttpCode(200)
  async countByBody(@Body() body: HistoricTaskQueryDto): Promise<CountDto> {
    return { count: await this.tasks.count(body) };
  }
}
