import { Injectable } from '@nestjs/common';
import type { CallerInfo } from '../../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../../common/errors/conveyor-error.js';
import { toPage } from '../../common/query/page.js';
import type { PagingQueryDto } from '../../common/query/paging.dto.js';
import { toVariableFilters } from '../query/history-variable-filter.js';
import { toSorting } from '../query/sorting.js';
import {
  HISTORIC_PROCESS_INSTANCE_SORT_KEYS,
  type HistoricProcessInstanceQueryDto,
} from './historic-process-instance-query.dto.js';
import {
  HistoricProcessInstanceRepository,
  type HistoricProcessInstanceFilter,
  type HistoricProcessInstanceRow,
} from './historic-process-instance.repository.js';

/** Reads of process instance history. */
@Injectable()
export class HistoricProcessInstanceService {
  constructor(private readonly repository: HistoricProcessInstanceRepository) {}

  /** `paging` is the query string of a POST (Camunda pages POST queries by query parameters). */
  list(
    caller: CallerInfo,
    query: HistoricProcessInstanceQueryDto,
    paging: PagingQueryDto = query,
  ): Promise<HistoricProcessInstanceRow[]> {
    return this.repository.list(
      filterOf(query),
      toSorting(query, HISTORIC_PROCESS_INSTANCE_SORT_KEYS),
      toPage(paging),
      caller,
    );
  }

  count(caller: CallerInfo, query: HistoricProcessInstanceQueryDto): Promise<number> {
    return this.repository.count(filterOf(query), caller);
  }

  /** An instance the caller may not see answers as a missing one. */
  async get(caller: CallerInfo, id: string): Promise<HistoricProcessInstanceRow> {
    const instance = await this.repository.findById(id, caller);
    if (!instance)
      throw new ConveyorError(
        ErrorCode.NotFound,
        `Historic process instance with id ${id} does not exist`,
      );
    return instance;
  }
}

const STATE_FLAGS = {
  active: 'ACTIVE',
  suspended: 'SUSPENDED',
  completed: 'COMPLETED',
  externallyTerminated: 'EXTERNALLY_TERMINATED',
  internallyTerminated: 'INTERNALLY_TERMINATED',
} as const;

function filterOf(query: HistoricProcessInstanceQueryDto): HistoricProcessInstanceFilter {
  const states = Object.entries(STATE_FLAGS)
    .filter(([flag]) => query[flag as keyof typeof STATE_FLAGS] === true)
    .map(([, state]) => state);
  return {
    ...query,
    states: states.length > 0 ? states : undefined,
    variables: toVariableFilters(query.variables),
  };
}
