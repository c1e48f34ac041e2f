import { Injectable } from '@nestjs/common';
import type { CallerInfo } from '../../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../../common/errors/conveyor-error.js';
import { toPage } from '../../common/query/page.js';
import type { PagingQueryDto } from '../../common/query/paging.dto.js';
import { toSorting } from '../query/sorting.js';
import {
  HISTORIC_ACTIVITY_INSTANCE_SORT_KEYS,
  type HistoricActivityInstanceQueryDto,
} from './historic-activity-instance-query.dto.js';
import {
  HistoricActivityInstanceRepository,
  type HistoricActivityInstanceRow,
} from './historic-activity-instance.repository.js';

/** Reads of activity instance history. */
@Injectable()
export class HistoricActivityInstanceService {
  constructor(private readonly repository: HistoricActivityInstanceRepository) {}

  /** `paging` is the query string of a POST (Camunda pages POST queries by query parameters). */
  list(
    caller: CallerInfo,
    query: HistoricActivityInstanceQueryDto,
    paging: PagingQueryDto = query,
  ): Promise<HistoricActivityInstanceRow[]> {
    return this.repository.list(
      query,
      toSorting(query, HISTORIC_ACTIVITY_INSTANCE_SORT_KEYS),
      toPage(paging),
      caller,
    );
  }

  count(caller: CallerInfo, query: HistoricActivityInstanceQueryDto): Promise<number> {
    return this.repository.count(query, caller);
  }

  /** An activity instance the caller may not see answers as a missing one. */
  async get(caller: CallerInfo, id: string): Promise<HistoricActivityInstanceRow> {
    const activity = await this.repository.findById(id, caller);
    if (!activity)
      throw new ConveyorError(
        ErrorCode.NotFound,
        `Historic activity instance with id ${id} does not exist`,
      );
    return activity;
  }
}
