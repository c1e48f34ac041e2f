import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { IsOptional, IsString } from 'class-validator';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { toPage } from '../common/query/page.js';
import { OptionalBooleanParam } from '../common/query/boolean-param.js';
import { PagingQueryDto } from '../common/query/paging.dto.js';
import type { CountDto } from '../common/query/count.dto.js';
import { toExternalTaskDto, type ExternalTaskDto } from './dto/external-task.dto.js';
import {
  CompleteExternalTaskDto,
  ExtendLockDto,
  ExternalTaskBpmnErrorDto,
  ExternalTaskFailureDto,
  FetchAndLockDto,
  LockExternalTaskDto,
} from './dto/fetch-and-lock.dto.js';
import {
  ExternalTaskWorkerService,
  type LockedExternalTaskDto,
} from './external-task-worker.service.js';
import { ExternalTaskRepository } from './external-task.repository.js';

class RetriesDto {
  @Type(() => Number) @IsInt() @Min(0) retries!: number;
}

export class ExternalTaskQueryDto extends PagingQueryDto {
  @IsOptional() @IsString() externalTaskId?: string;
  @IsOptional() @IsString() topicName?: string;
  @IsOptional() @IsString() workerId?: string;
  @IsOptional() @IsString() processInstanceId?: string;
  @IsOptional() @IsString() processDefinitionId?: string;
  @IsOptional() @IsString() activityId?: string;
  @IsOptional() @IsString() processDefinitionKey?: string;
  @OptionalBooleanParam() locked?: boolean;
  @OptionalBooleanParam() notLocked?: boolean;
  @OptionalBooleanParam() withRetriesLeft?: boolean;
  @OptionalBooleanParam() noRetriesLeft?: boolean;
}

/** /external-task: the worker API (fetch and lock, complete, failure, BPMN error, locks) and its read side. */
@Controller('engine-rest/external-task')
export class ExternalTaskController {
  constructor(
    private readonly externalTasks: ExternalTaskRepository,
    private readonly workers: ExternalTaskWorkerService,
  ) {}

  @Post('fetchAndLock')
  @HttpCode(200)
  fetchAndLock(@Body() body: FetchAndLockDto): Promise<LockedExternalTaskDto[]> {
    return this.workers.fetchAndLock(body);
  }

  @Post(':id/complete')
  @HttpCode(204)
  complete(@Param('id') id: string, @Body() body: CompleteExternalTaskDto): Promise<void> {
    return this.workers.complete(id, body);
  }

  @Post(':id/failure')
  @HttpCode(204)
  failure(@Param('id') id: string, @Body() body: ExternalTaskFailureDto): Promise<void> {
    return this.workers.failure(id, body);
  }

  @Post(':id/bpmnError')
  @HttpCode(204)
  bpmnError(@Param('id') id: string, @Body() body: ExternalTaskBpmnErrorDto): Promise<void> {
    return this.workers.bpmnError(id, body);
  }

  @Post(':id/extendLock')
  @HttpCode(204)
  extendLock(@Param('id') id: string, @Body() body: ExtendLockDto): Promise<void> {
    return this.workers.extendLock(id, body);
  }

  @Post(':id/lock')
  @HttpCode(204)
  lock(@Param('id') id: string, @Body() body: LockExternalTaskDto): Promise<void> {
    return this.workers.lock(id, body);
  }

  @Get(':id/errorDetails')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  async errorDetails(@Param('id') id: string): Promise<string> {
    const task = await this.externalTasks.findById(id);
    if (!task)
      throw new ConveyorError(ErrorCode.NotFound, `External task with id ${id} does not exist`);
    return task.error_details ?? '';
  }

  @Post(':id/unlock')
  @HttpCode(204)
  unlock(@Param('id') id: string): Promise<void> {
    return this.workers.unlock(id);
  }

  @Put(':id/retries')
  @HttpCode(204)
  setRetries(@Param('id') id: string, @Body() body: RetriesDto): Promise<void> {
    return this.workers.setRetries(id, body.retries);
  }

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
