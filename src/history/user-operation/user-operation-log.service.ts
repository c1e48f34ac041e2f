import { Injectable } from '@nestjs/common';
import type { CallerInfo } from '../../common/caller.decorator.js';
import { toPage } from '../../common/query/page.js';
import { toSorting } from '../query/sorting.js';
import {
  USER_OPERATION_LOG_SORT_KEYS,
  type UserOperationLogQueryDto,
} from './user-operation-log-query.dto.js';
import {
  UserOperationLogRepository,
  type UserOperationLogRow,
} from './user-operation-log.repository.js';

/** Reads of the user operation log (who changed what, when). */
@Injectable()
export class UserOperationLogService {
  constructor(private readonly repository: UserOperationLogRepository) {}

  /** A manager sees entries of their team's instances and entries their team made. */
  list(caller: CallerInfo, query: UserOperationLogQueryDto): Promise<UserOperationLogRow[]> {
    return this.repository.list(
      query,
      toSorting(query, USER_OPERATION_LOG_SORT_KEYS),
      toPage(query),
      caller,
    );
  }

  count(caller: CallerInfo, query: UserOperationLogQueryDto): Promise<number> {
    return this.repository.count(query, caller);
  }
}
