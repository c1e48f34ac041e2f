import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CallerInfo } from '../common/caller.decorator.js';
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
import { toTaskDto, type TaskDto } from './dto/task.dto.js';
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

/**
 * Reads of user tasks, their forms, variables, identity links and comments, narrowed to what the
 * caller may see: lists and counts in SQL, a task they may not see answers as a missing one.
 */
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

  /**
   * A page of tasks as Camunda's TaskDto. With withCandidateGroupsInReturn each carries its
   * candidate groups, read for the whole page at once (a monitor grouping overdue tasks by group
   * needs no identity-link request per task).
   */
  async list(query: TaskQueryDto, caller: CallerInfo): Promise<TaskDto[]> {
    const rows = await this.tasks.list(
      await this.filter(query, caller),
      toTaskSort(query),
      toPage(query),
    );
    if (!query.withCandidateGroupsInReturn) return rows.map(toTaskDto);
    const groups = await this.tasks.candidateGroupsOf(rows.map((row) => row.id));
    return rows.map((row) => ({ ...toTaskDto(row), candidateGroups: groups.get(row.id) ?? [] }));
  }

  async count(query: TaskQueryDto, caller: CallerInfo): Promise<number> {
    return this.tasks.count(await this.filter(query, caller));
  }

  async get(id: string, caller: CallerInfo): Promise<TaskRow> {
    const task = await this.tasks.findVisible(id, caller);
    if (!task) throw new ConveyorError(ErrorCode.NotFound, `No matching task with id ${id}`);
    return task;
  }

  async identityLinks(
    id: string,
    caller: CallerInfo,
  ): Promise<{ userId: string | null; groupId: string | null; type: string }[]> {
    const task = await this.get(id, caller);
    const links: IdentityLinkRow[] = await this.tasks.identityLinks(id);
    const result = links.map((l) => ({ userId: l.user_id, groupId: l.group_id, type: l.type }));
    if (task.assignee) result.unshift({ userId: task.assignee, groupId: null, type: 'assignee' });
    if (task.owner) result.unshift({ userId: task.owner, groupId: null, type: 'owner' });
    return result;
  }

  async formVariables(id: string, caller: CallerInfo): Promise<Record<string, SerializedVariable>> {
    const task = await this.get(id, caller);
    const fields = await this.forms.fieldsOf(task);
    const current = toEngineVariables(await this.variables.loadOutside(task.instance_id));
    return formVariables(fields, current, this.forms.optionsFor(current));
  }

  /** A task's visible variables: its local ones over its process instance's. */
  async variablesOf(id: string, caller: CallerInfo): Promise<Map<string, StoredVariable>> {
    const task = await this.get(id, caller);
    const process = await this.variables.loadOutside(task.instance_id);
    const local = await this.variables.loadLocal(id);
    return new Map([...process, ...local]);
  }

  async localVariablesOf(id: string, caller: CallerInfo): Promise<Map<string, StoredVariable>> {
    await this.get(id, caller);
    return this.variables.loadLocal(id);
  }

  async commentsOf(id: string, caller: CallerInfo): Promise<CommentDto[]> {
    await this.get(id, caller);
    return (await this.comments.byTask(id)).map(toCommentDto);
  }

  /** Anyone who may see the task may comment on it; the comment is recorded as theirs. */
  async addComment(id: string, message: unknown, caller: CallerInfo): Promise<CommentDto> {
    const task = await this.get(id, caller);
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
      user_id: caller.userId,
      time: this.clock.now(),
      message,
    };
    await this.comments.insert(row);
    return toCommentDto(row);
  }

  private async filter(query: TaskQueryDto, caller: CallerInfo) {
    const groups = query.candidateUser
      ? await this.identity.groupIdsOf(query.candidateUser)
      : undefined;
    return { ...toTaskFilter(query, groups), visibleTo: caller };
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
