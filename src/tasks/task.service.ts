import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { toPage } from '../common/query/page.js';
import {
  formatCamundaDate,
  toEngineVariables,
  type SerializedVariable,
  type StoredVariable,
} from '../common/variables/index.js';
import { IdentityRepository } from '../identity/identity.repository.js';
import { VariableRepository } from '../runtime/variable.repository.js';
import { CommentRepository, type CommentRow } from './comment.repository.js';
import type { TaskQueryDto } from './dto/task-query.dto.js';
import { formVariables } from './forms/index.js';
import { TaskFormService } from './task-form.service.js';
import { toTaskFilter, toTaskSort } from './task-query.mapper.js';
import { TaskRepository, type IdentityLinkRow, type TaskRow } from './task.repository.js';

export interface CommentDto {
  id: string;
  userId: string | null;
  taskId: string | null;
  processInstanceId: string | null;
  time: string;
  message: string;
  removalTime: null;
  rootProcessInstanceId: string | null;
}

/** Reads of user tasks, their forms, variables, identity links and comments. */
@Injectable()
export class TaskService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly variables: VariableRepository,
    private readonly forms: TaskFormService,
    private readonly comments: CommentRepository,
    private readonly identity: IdentityRepository,
    private readonly clock: Clock,
  ) {}

  async list(query: TaskQueryDto): Promise<TaskRow[]> {
    return this.tasks.list(await this.filter(query), toTaskSort(query), toPage(query));
  }

  async count(query: TaskQueryDto): Promise<number> {
    return this.tasks.count(await this.filter(query));
  }

  async get(id: string): Promise<TaskRow> {
    const task = await this.tasks.findById(id);
    if (!task) throw new ConveyorError(ErrorCode.NotFound, `No matching task with id ${id}`);
    return task;
  }

  async identityLinks(
    id: string,
  ): Promise<{ userId: string | null; groupId: string | null; type: string }[]> {
    const task = await this.get(id);
    const links: IdentityLinkRow[] = await this.tasks.identityLinks(id);
    const result = links.map((l) => ({ userId: l.user_id, groupId: l.group_id, type: l.type }));
    if (task.assignee) result.unshift({ userId: task.assignee, groupId: null, type: 'assignee' });
    if (task.owner) result.unshift({ userId: task.owner, groupId: null, type: 'owner' });
    return result;
  }

  async formVariables(id: string): Promise<Record<string, SerializedVariable>> {
    const task = await this.get(id);
    const fields = await this.forms.fieldsOf(task);
    const current = toEngineVariables(await this.variables.loadOutside(task.instance_id));
    return formVariables(fields, current);
  }

  /** A task's visible variables: its local ones over its process instance's. */
  async variablesOf(id: string): Promise<Map<string, StoredVariable>> {
    const task = await this.get(id);
    const process = await this.variables.loadOutside(task.instance_id);
    const local = await this.variables.loadLocal(id);
    return new Map([...process, ...local]);
  }

  async localVariablesOf(id: string): Promise<Map<string, StoredVariable>> {
    await this.get(id);
    return this.variables.loadLocal(id);
  }

  async commentsOf(id: string): Promise<CommentDto[]> {
    await this.get(id);
    return (await this.comments.byTask(id)).map(toCommentDto);
  }

  async addComment(id: string, message: unknown, userId: string | null): Promise<CommentDto> {
    const task = await this.get(id);
    if (typeof message !== 'string' || message.trim().length === 0 || message.length > 4000) {
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        'A comment needs a message of 1 to 4000 characters',
      );
    }
    const row: CommentRow = {
      id: randomUUID(),
      task_id: id,
      instance_id: task.instance_id,
      user_id: userId,
      time: this.clock.now(),
      message,
    };
    await this.comments.insert(row);
    return toCommentDto(row);
  }

  private async filter(query: TaskQueryDto) {
    const groups = query.candidateUser
      ? await this.identity.groupIdsOf(query.candidateUser)
      : undefined;
    return toTaskFilter(query, groups);
  }
}

function toCommentDto(row: CommentRow): CommentDto {
  return {
    id: row.id,
    userId: row.user_id,
    taskId: row.task_id,
    processInstanceId: row.instance_id,
    time: formatCamundaDate(row.time),
    message: row.message,
    removalTime: null,
    rootProcessInstanceId: row.instance_id,
  };
}
