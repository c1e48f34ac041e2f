import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CallerInfo } from '../common/caller.decorator.js';
import { Clock } from '../common/clock.js';
import { HistoryRepository } from '../history/history.repository.js';

export type IdentityEntity = 'User' | 'Group' | 'GroupMembership';

/** Records changes of users, groups and memberships in the user operation log, as Camunda does. */
@Injectable()
export class IdentityOperationLog {
  constructor(
    private readonly history: HistoryRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * `ids` name the changed object (e.g. `{ userId: 'anna' }`, logged as new values); `changes` map
   * a property to its [old, new] value, unchanged ones left out. Never pass a password.
   */
  record(
    tx: EntityManager,
    caller: CallerInfo,
    operationType: 'Create' | 'Update' | 'Delete',
    entityType: IdentityEntity,
    ids: Record<string, string>,
    changes: Record<string, [unknown, unknown]> = {},
  ): Promise<void> {
    const named = Object.entries(ids).map(([property, id]) => ({
      property,
      orgValue: null,
      newValue: id,
    }));
    const changed = Object.entries(changes)
      .filter(([, [orgValue, newValue]]) => orgValue !== newValue)
      .map(([property, [orgValue, newValue]]) => ({ property, orgValue, newValue }));
    return this.history.logOperation(
      tx,
      { operationType, entityType, userId: caller.userId, changes: [...named, ...changed] },
      this.clock.now(),
    );
  }
}
