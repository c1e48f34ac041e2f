import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CallerCache } from '../auth/caller-cache.js';
import type { CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { toPage, toSort } from '../common/query/page.js';
import { WorkTracker } from '../common/work-tracker.js';
import type { GroupDto, GroupQueryDto, GroupUpdateDto, NewGroupDto } from './dto/group.dto.js';
import { GroupRepository } from './group.repository.js';
import { IdentityOperationLog } from './identity-operation-log.js';
import { ADMIN_GROUP } from './last-admin.js';

/** Groups: queries, creating, renaming and deleting them. Memberships: GroupMembershipCommand. */
@Injectable()
export class GroupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupRepository,
    private readonly log: IdentityOperationLog,
    private readonly work: WorkTracker,
    private readonly callers: CallerCache,
  ) {}

  list(query: GroupQueryDto): Promise<GroupDto[]> {
    return this.groups.list(query, toSort(query, 'id'), toPage(query));
  }

  count(query: GroupQueryDto): Promise<number> {
    return this.groups.count(query);
  }

  async get(id: string): Promise<GroupDto> {
    const group = await this.groups.find(id);
    if (!group) throw groupNotFound(id);
    return group;
  }

  async create(dto: NewGroupDto, caller: CallerInfo): Promise<void> {
    const group = { id: dto.id, name: dto.name, type: dto.type ?? null };
    await this.work.run(() =>
      this.dataSource.transaction(async (tx) => {
        if (!(await this.groups.insert(tx, group))) {
          throw new ConveyorError(
            ErrorCode.Conflict,
            `A group with id '${group.id}' already exists`,
            'InvalidRequestException',
          );
        }
        await this.log.record(
          tx,
          caller,
          'Create',
          'Group',
          { groupId: group.id },
          { name: [null, group.name], type: [null, group.type] },
        );
      }),
    );
  }

  /** As in Camunda, name and type are replaced (a missing type becomes null). */
  async update(id: string, dto: GroupUpdateDto, caller: CallerInfo): Promise<void> {
    if (dto.id !== undefined && dto.id !== id) {
      throw new ConveyorError(ErrorCode.InvalidRequest, 'The id of a group cannot be changed');
    }
    const group = { id, name: dto.name, type: dto.type ?? null };
    await this.work.run(() =>
      this.dataSource.transaction(async (tx) => {
        const before = await this.groups.update(tx, group);
        if (!before) throw groupNotFound(id);
        await this.log.record(
          tx,
          caller,
          'Update',
          'Group',
          { groupId: id },
          { name: [before.name, group.name], type: [before.type, group.type] },
        );
      }),
    );
  }

  async delete(id: string, caller: CallerInfo): Promise<void> {
    if (id === ADMIN_GROUP) {
      // Deleting it would take every administrator's rights at once.
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `The group '${ADMIN_GROUP}' cannot be deleted`,
      );
    }
    await this.work.run(() =>
      this.dataSource.transaction(async (tx) => {
        if (!(await this.groups.delete(tx, id))) throw groupNotFound(id);
        await this.log.record(tx, caller, 'Delete', 'Group', { groupId: id });
      }),
    );
    // Its memberships went with it: the groups, roles and teams of callers.
    this.callers.forgetAll();
  }
}

export function groupNotFound(id: string): ConveyorError {
  return new ConveyorError(ErrorCode.NotFound, `Group with id ${id} does not exist`);
}
