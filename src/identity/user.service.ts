import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CallerCache } from '../auth/caller-cache.js';
import { CredentialsService } from '../auth/credentials.service.js';
import type { CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { toPage, toSort } from '../common/query/page.js';
import { WorkTracker } from '../common/work-tracker.js';
import type { CreateUserDto, UserProfileDto, UserQueryDto } from './dto/user.dto.js';
import { GroupRepository } from './group.repository.js';
import { IdentityOperationLog } from './identity-operation-log.js';
import { refuseRemovingLastAdmin } from './last-admin.js';
import { checkManager } from './manager-hierarchy.js';
import { hashPassword } from './password-hasher.js';
import { toUserProfileDto } from './user-profile.mapper.js';
import { UserRepository } from './user.repository.js';

/** The user directory: queries, creating and deleting users. */
@Injectable()
export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly groups: GroupRepository,
    private readonly log: IdentityOperationLog,
    private readonly credentials: CredentialsService,
    private readonly work: WorkTracker,
    private readonly callers: CallerCache,
  ) {}

  async list(query: UserQueryDto): Promise<UserProfileDto[]> {
    const rows = await this.users.list(query, toSort(query, 'userId'), toPage(query));
    return rows.map(toUserProfileDto);
  }

  count(query: UserQueryDto): Promise<number> {
    return this.users.count(query);
  }

  async profile(id: string): Promise<UserProfileDto> {
    const row = await this.users.find(id);
    if (!row) throw userNotFound(id);
    return toUserProfileDto(row);
  }

  async create(dto: CreateUserDto, caller: CallerInfo): Promise<void> {
    const { profile } = dto;
    const passwordHash = await hashPassword(dto.credentials.password);
    const user = {
      id: profile.id,
      firstName: profile.firstName ?? null,
      lastName: profile.lastName ?? null,
      email: profile.email ?? null,
      managerId: profile.managerId ?? null,
    };
    await this.work.run(() =>
      this.dataSource.transaction(async (tx) => {
        if (user.managerId !== null) {
          await this.users.lockHierarchy(tx);
          await checkManager(tx, this.users, user.id, user.managerId);
        }
        if (!(await this.users.insert(tx, { ...user, passwordHash }))) {
          throw new ConveyorError(
            ErrorCode.Conflict,
            `A user with id '${user.id}' already exists`,
            'InvalidRequestException',
          );
        }
        await this.log.record(
          tx,
          caller,
          'Create',
          'User',
          { userId: user.id },
          {
            firstName: [null, user.firstName],
            lastName: [null, user.lastName],
            email: [null, user.email],
            managerId: [null, user.managerId],
          },
        );
      }),
    );
    // A new user below a manager joins that manager's team (and the teams above it).
    if (user.managerId !== null) this.callers.forgetAll();
  }

  async delete(id: string, caller: CallerInfo): Promise<void> {
    await this.work.run(() =>
      this.dataSource.transaction(async (tx) => {
        await refuseRemovingLastAdmin(tx, this.groups, id);
        if (!(await this.users.delete(tx, id))) throw userNotFound(id);
        await this.log.record(tx, caller, 'Delete', 'User', { userId: id });
      }),
    );
    // Sessions go with the user (foreign key); remembered Basic logins must go too.
    this.credentials.forget(id);
    this.callers.forgetAll();
  }
}

export function userNotFound(id: string): ConveyorError {
  return new ConveyorError(ErrorCode.NotFound, `User with id ${id} does not exist`);
}
