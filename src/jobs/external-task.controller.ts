import { Access } from '../auth/access.decorator.js';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { Caller, type CallerInfo } from '../common/caller.decorator.js';
import { toPage } from '../common/query/page.js';
import { externalTaskOrder } from './list-order.js';
import { OptionalBooleanParam } from '../common/query/boolean-param.js';
import { MAX_INT, PagingQueryDto } from '../common/query/paging.dto.js';
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
import { ExternalTaskService } from './external-task.service.js';

class RetriesDto {
  @Type(() => Number) @IsInt() @Min(0) @Max(MAX_INT) retries!: number;
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
  /** Camunda's sort keys (anything else is a 400); sortOrder must come with it. */
  @IsOptional()
  @IsIn([
    'id',
    'lockExpirationTime',
    'processInstanceId',
    'processDefinitionId',
    'processDefinitionKey',
    'tenantId',
    'taskPriority',
  ])
  sortBy?: string;
}

/** /external-task: the worker API (fetch and lock, complete, failure, BPMN error, locks) and its read side. */
@Access('admin', 'worker')
@Controller('engine-rest/external-task')
export class ExternalTaskController {
  constructor(
    private readonly externalTasks: ExternalTaskService,
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

  @Access('admin', 'analyst', 'manager', 'worker')
  @Get(':id/errorDetails')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  async errorDetails(@Caller() caller: CallerInfo, @Param('id') id: string): Promise<string> {
    return (await this.externalTasks.get(caller, id)).error_details ?? '';
  }

  @Post(':id/unlock')
  @HttpCode(204)
  unlock(@Param('id') id: string): Promise<void> {
    return this.workers.unlock(id);
  }

  @Access('admin', 'manager')
  @Put(':id/retries')
  @HttpCode(204)
  setRetries(
    @Caller() caller: CallerInfo,
    @Param('id') id: string,
    @Body() body: RetriesDto,
  ): Promise<void> {
    return this.externalTasks.setRetries(caller, id, body.retries);
  }

  @Access('admin', 'analyst', 'manager', 'worker')
  @Get()
  async list(
    @Caller() caller: CallerInfo,
    @Query() query: ExternalTaskQueryDto,
  ): Promise<ExternalTaskDto[]> {
    return (
      await this.externalTasks.list(caller, query, toPage(query), externalTaskOrder(query))
    ).map(toExternalTaskDto);
  }

  @Access('admin', 'analyst', 'manager', 'worker')
  @Get('count')
  async count(
    @Caller() caller: CallerInfo,
    @Query() query: ExternalTaskQueryDto,
  ): Promise<CountDto> {
    return { count: await this.externalTasks.count(caller, query) };
  }

  @Access('admin', 'analyst', 'manager', 'worker')
  @Get(':id')
  async get(@Caller() caller: CallerInfo, @Param('id') id: string): Promise<ExternalTaskDto> {
    return toExternalTaskDto(await this.externalTasks.get(caller, id));
  }
}
