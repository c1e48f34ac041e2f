import { AnyUser } from '../auth/access.decorator.js';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Caller, type CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import type { CountDto } from '../common/query/count.dto.js';
import type { SerializedVariable } from '../common/variables/index.js';
import { toVariablesDto } from '../runtime/dto/process-instance.dto.js';
import { AssignTaskCommand } from './assign-task.command.js';
import { CompleteTaskCommand } from './complete-task.command.js';
import { TaskQueryDto } from './dto/task-query.dto.js';
import { toTaskDto, type TaskDto } from './dto/task.dto.js';
import { TaskService, type CommentDto } from './task.service.js';

interface UserIdBody {
  userId?: unknown;
}

interface CompleteBody {
  variables?: unknown;
  withVariablesInReturn?: unknown;
}

@AnyUser()
@Controller('engine-rest/task')
export class TaskController {
  constructor(
    private readonly tasks: TaskService,
    private readonly assign: AssignTaskCommand,
    private readonly completion: CompleteTaskCommand,
  ) {}

  @Get()
  async list(@Query() query: TaskQueryDto, @Caller() caller: CallerInfo): Promise<TaskDto[]> {
    return this.tasks.list(query, caller);
  }

  @Post()
  @HttpCode(200)
  async query(
    @Body() body: TaskQueryDto,
    @Query() paging: TaskQueryDto,
    @Caller() caller: CallerInfo,
  ): Promise<TaskDto[]> {
    return this.tasks.list(
      { ...body, firstResult: paging.firstResult, maxResults: paging.maxResults },
      caller,
    );
  }

  @Get('count')
  async count(@Query() query: TaskQueryDto, @Caller() caller: CallerInfo): Promise<CountDto> {
    return { count: await this.tasks.count(query, caller) };
  }

  @Post('count')
  @HttpCode(200)
  async countByBody(@Body() body: TaskQueryDto, @Caller() caller: CallerInfo): Promise<CountDto> {
    return { count: await this.tasks.count(body, caller) };
  }

  @Get(':id')
  async get(@Param('id') id: string, @Caller() caller: CallerInfo): Promise<TaskDto> {
    return toTaskDto(await this.tasks.get(id, caller));
  }

  @Post(':id/claim')
  @HttpCode(204)
  async claim(
    @Param('id') id: string,
    @Body() body: UserIdBody,
    @Caller() caller: CallerInfo,
  ): Promise<void> {
    await this.assign.claim(id, requireUserId(body), caller);
  }

  @Post(':id/unclaim')
  @HttpCode(204)
  async unclaim(@Param('id') id: string, @Caller() caller: CallerInfo): Promise<void> {
    await this.assign.unclaim(id, caller);
  }

  @Post(':id/assignee')
  @HttpCode(204)
  async setAssignee(
    @Param('id') id: string,
    @Body() body: UserIdBody,
    @Caller() caller: CallerInfo,
  ): Promise<void> {
    const userId = body.userId === null ? null : requireUserId(body);
    await this.assign.setAssignee(id, userId, caller);
  }

  @Post(':id/delegate')
  @HttpCode(204)
  async delegate(
    @Param('id') id: string,
    @Body() body: UserIdBody,
    @Caller() caller: CallerInfo,
  ): Promise<void> {
    await this.assign.delegate(id, requireUserId(body), caller);
  }

  @Post(':id/resolve')
  @HttpCode(204)
  async resolve(
    @Param('id') id: string,
    @Body() body: CompleteBody,
    @Caller() caller: CallerInfo,
  ): Promise<void> {
    await this.completion.resolve(id, body.variables, caller);
  }

  @Post(':id/complete')
  async complete(
    @Param('id') id: string,
    @Body() body: CompleteBody,
    @Caller() caller: CallerInfo,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Record<string, SerializedVariable> | undefined> {
    const variables = await this.completion.complete(id, body.variables, caller);
    if (body.withVariablesInReturn === true) {
      response.status(200);
      return toVariablesDto(variables);
    }
    response.status(204);
    return undefined;
  }

  @Post(':id/submit-form')
  @HttpCode(204)
  async submitForm(
    @Param('id') id: string,
    @Body() body: CompleteBody,
    @Caller() caller: CallerInfo,
  ): Promise<void> {
    await this.completion.complete(id, body.variables, caller);
  }

  @Get(':id/form-variables')
  formVariables(
    @Param('id') id: string,
    @Caller() caller: CallerInfo,
  ): Promise<Record<string, SerializedVariable>> {
    return this.tasks.formVariables(id, caller);
  }

  @Get(':id/variables')
  async variables(
    @Param('id') id: string,
    @Caller() caller: CallerInfo,
  ): Promise<Record<string, SerializedVariable>> {
    return toVariablesDto(await this.tasks.variablesOf(id, caller));
  }

  @Get(':id/localVariables')
  async localVariables(
    @Param('id') id: string,
    @Caller() caller: CallerInfo,
  ): Promise<Record<string, SerializedVariable>> {
    return toVariablesDto(await this.tasks.localVariablesOf(id, caller));
  }

  @Get(':id/identity-links')
  identityLinks(
    @Param('id') id: string,
    @Caller() caller: CallerInfo,
  ): Promise<{ userId: string | null; groupId: string | null; type: string }[]> {
    return this.tasks.identityLinks(id, caller);
  }

  @Get(':id/comment')
  comments(@Param('id') id: string, @Caller() caller: CallerInfo): Promise<CommentDto[]> {
    return this.tasks.commentsOf(id, caller);
  }

  @Post(':id/comment/create')
  @HttpCode(200)
  addComment(
    @Param('id') id: string,
    @Body() body: { message?: unknown },
    @Caller() caller: CallerInfo,
  ): Promise<CommentDto> {
    return this.tasks.addComment(id, body.message, caller);
  }
}

function requireUserId(body: UserIdBody): string {
  if (typeof body.userId !== 'string' || body.userId.length === 0 || body.userId.length > 64) {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      'userId must be a non-empty string of at most 64 characters',
    );
  }
  return body.userId;
}
