import { Access } from '../auth/access.decorator.js';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Caller, type CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { toPage } from '../common/query/page.js';
import { jobOrder } from './list-order.js';
import { MAX_INT } from '../common/query/paging.dto.js';
import type { CountDto } from '../common/query/count.dto.js';
import { parseCamundaDate } from '../common/variables/index.js';
import { JobQueryDto } from './dto/job-query.dto.js';
import { toJobDto, type JobDto } from './dto/job.dto.js';
import type { JobFilter } from './job.repository.js';
import { JobService } from './job.service.js';

class RetriesDto {
  @Type(() => Number) @IsInt() @Min(0) @Max(MAX_INT) retries!: number;
}

@Access('admin', 'analyst', 'manager')
@Controller('engine-rest/job')
export class JobController {
  constructor(private readonly jobs: JobService) {}

  @Get()
  async list(@Caller() caller: CallerInfo, @Query() query: JobQueryDto): Promise<JobDto[]> {
    return (await this.jobs.list(caller, filterOf(query), toPage(query), jobOrder(query))).map(
      toJobDto,
    );
  }

  @Get('count')
  async count(@Caller() caller: CallerInfo, @Query() query: JobQueryDto): Promise<CountDto> {
    return { count: await this.jobs.count(caller, filterOf(query)) };
  }

  @Get(':id')
  async get(@Caller() caller: CallerInfo, @Param('id') id: string): Promise<JobDto> {
    return toJobDto(await this.jobs.get(caller, id));
  }

  @Get(':id/stacktrace')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  stacktrace(@Caller() caller: CallerInfo, @Param('id') id: string): Promise<string> {
    return this.jobs.stacktrace(caller, id);
  }

  /** Sets the retries; retries > 0 on a failed job resolves its incident (an operator's "retry"). */
  @Access('admin', 'manager')
  @Put(':id/retries')
  @HttpCode(204)
  setRetries(
    @Caller() caller: CallerInfo,
    @Param('id') id: string,
    @Body() body: RetriesDto,
  ): Promise<void> {
    return this.jobs.setRetries(caller, id, body.retries);
  }

  /** Runs the job now: how an operator (or a test) fast-forwards a 7-day wait. */
  @Access('admin', 'manager')
  @Post(':id/execute')
  @HttpCode(204)
  execute(@Caller() caller: CallerInfo, @Param('id') id: string): Promise<void> {
    return this.jobs.execute(caller, id);
  }

  @Access('admin', 'manager')
  @Put(':id/duedate')
  @HttpCode(204)
  async setDueDate(
    @Caller() caller: CallerInfo,
    @Param('id') id: string,
    @Body() body: { duedate?: unknown },
  ): Promise<void> {
    const text = body.duedate ?? null;
    const due = typeof text === 'string' ? parseCamundaDate(text) : null;
    if (text !== null && !due) {
      throw new ConveyorError(ErrorCode.InvalidRequest, `Invalid due date ${JSON.stringify(text)}`);
    }
    await this.jobs.setDueDate(caller, id, due);
  }
}

function filterOf(q: JobQueryDto): JobFilter {
  return {
    id: q.jobId,
    instanceId: q.processInstanceId,
    definitionId: q.processDefinitionId,
    definitionKey: q.processDefinitionKey,
    activityId: q.activityId,
    executionId: q.executionId,
    timers: q.timers,
    withRetriesLeft: q.withRetriesLeft,
    noRetriesLeft: q.noRetriesLeft,
  };
}
