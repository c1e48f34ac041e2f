import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { GroupEntity } from './group.entity.js';
import { MembershipEntity } from './membership.entity.js';
import { UserEntity } from './user.entity.js';

/** All SQL on the identity tables. */
@Injectable()
export class IdentityRepository {
  constructor(private readonly dataSource: DataSource) {}

  countUsers(): Promise<number> {
    return this.dataSource.getRepository(UserEntity).count();
  }

  findUser(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  groupIdsOf(userId: string): Promise<string[]> {
    return this.dataSource
      .getRepository(MembershipEntity)
      .findBy({ userId })
      .then((rows) => rows.map((row) => row.groupId));
  }

  /**
   * Creates the user in the group (creating the group if needed), atomically.
   * Returns false, changing nothing, when the user id exists already (another node was first).
   */
  createUserInGroup(
    user: Partial<UserEntity> & { id: string },
    group: GroupEntity,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const inserted: unknown[] = await tx.query(
        `INSERT INTO identity_user (id, first_name, last_name, email, password_hash)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [user.id, user.firstName, user.lastName, user.email, user.passwordHash],
      );
      if (inserted.length === 0) return false;
      await tx.query(
        `INSERT INTO identity_group (id, name, type) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`,
        [group.id, group.name, group.type],
      );
      await tx.getRepository(MembershipEntity).insert({ userId: user.id, groupId: group.id });
      return true;
    });
  }
}
