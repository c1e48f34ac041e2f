import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { toPage } from '../common/query/page.js';
import type { CountDto } from '../common/query/count.dto.js';
import { parseCamundaDate } from '../common/variables/index.js';
import { JobQueryDto } from './dto/job-query.dto.js';
import { toJobDto, type JobDto } from './dto/job.dto.js';
import { ExecuteJobCommand } from './execute-job.command.js';
import { IncidentRepository } from './incident.repository.js';
import { JobRepository, type JobFilter } from './job.repository.js';

class RetriesDto {
  @Type(() => Number) @IsInt() @Min(0) retries!: number;
}

@Controller('engine-rest/job')
export class JobController {
  constructor(
    private readonly jobs: JobRepository,
    private readonly executeJob: ExecuteJobCommand,
    private readonly incidents: IncidentRepository,
  ) {}

  @Get()
  async list(@Query() query: JobQueryDto): Promise<JobDto[]> {
    return (await this.jobs.list(filterOf(query), toPage(query))).map(toJobDto);
  }

  @Get('count')
  async count(@Query() query: JobQueryDto): Promise<CountDto> {
    return { count: await this.jobs.count(filterOf(query)) };
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<JobDto> {
    const job = await this.jobs.findById(id);
    if (!job) throw new ConveyorError(ErrorCode.NotFound, `Job with id ${id} does not exist`);
    return toJobDto(job);
  }

  @Get(':id/stacktrace')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  async stacktrace(@Param('id') id: string): Promise<string> {
    const job = await this.jobs.findById(id);
    if (!job) throw new ConveyorError(ErrorCode.NotFound, `Job with id ${id} does not exist`);
    const trace = await this.jobs.stacktrace(id);
    if (!trace)
      throw new ConveyorError(ErrorCode.NotFound, `Job with id ${id} has no exception stacktrace`);
    return trace;
  }

  /** Sets the retries; retries > 0 on a failed job resolves its incident (an operator's "retry"). */
  @Put(':id/retries')
  @HttpCode(204)
  async setRetries(@Param('id') id: string, @Body() body: RetriesDto): Promise<void> {
    if (!(await this.jobs.setRetries(id, body.retries))) {
      throw new ConveyorError(ErrorCode.NotFound, `Job with id ${id} does not exist`);
    }
    if (body.retries > 0) await this.incidents.resolveForJob(null, id);
  }

  /** Runs the job now: how an operator (or a test) fast-forwards a 7-day wait. */
  @Post(':id/execute')
  @HttpCode(204)
  async execute(@Param('id') id: string): Promise<void> {
    await this.executeJob.execute(id);
  }

  @Put(':id/duedate')
  @HttpCode(204)
  async setDueDate(@Param('id') id: string, @Body() body: { duedate?: unknown }): Promise<void> {
    const text = body.duedate ?? null;
    const due = typeof text === 'string' ? parseCamundaDate(text) : null;
    if (text !== null && !due) {
      throw new ConveyorError(ErrorCode.InvalidRequest, `Invalid due date ${JSON.stringify(text)}`);
    }
    if (!(await this.jobs.setDueDate(id, due))) {
      throw new ConveyorError(ErrorCode.NotFound, `Job with id ${id} does not exist`);
    }
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
