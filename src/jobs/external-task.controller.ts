import { Controller, Get, Param, Query } from '@nestjs/common';
import { IsOptional, IsString } from 'class-validator';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { toPage } from '../common/query/page.js';
import { PagingQueryDto } from '../common/query/paging.dto.js';
import type { CountDto } from '../common/query/count.dto.js';
import { toExternalTaskDto, type ExternalTaskDto } from './dto/external-task.dto.js';
import { ExternalTaskRepository } from './external-task.repository.js';

export class ExternalTaskQueryDto extends PagingQueryDto {
  @IsOptional() @IsString() externalTaskId?: string;
  @IsOptional() @IsString() topicName?: string;
  @IsOptional() @IsString() workerId?: string;
  @IsOptional() @IsString() processInstanceId?: string;
  @IsOptional() @IsString() processDefinitionId?: string;
  @IsOptional() @IsString() activityId?: string;
}

/** Read side of /external-task; fetching and completing by workers is the worker API. */
@Controller('engine-rest/external-task')
export class ExternalTaskController {
  constructor(private readonly externalTasks: ExternalTaskRepository) {}

  @Get()
  async list(@Query() query: ExternalTaskQueryDto): Promise<ExternalTaskDto[]> {
    return (await this.externalTasks.list(query, toPage(query))).map(toExternalTaskDto);
  }

  @Get('count')
  async count(@Query() query: ExternalTaskQueryDto): Promise<CountDto> {
    return { count: await this.externalTasks.count(query) };
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<ExternalTaskDto> {
    const task = await this.externalTasks.findById(id);
    if (!task)
      throw new ConveyorError(ErrorCode.NotFound, `External task with id ${id} does not exist`);
    return toExternalTaskDto(task);
  }
}
