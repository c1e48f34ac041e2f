import { Injectable } from '@nestjs/common';
import type { CallerInfo } from '../../common/caller.decorator.js';
import { toPage } from '../../common/query/page.js';
import type { PagingQueryDto } from '../../common/query/paging.dto.js';
import { toVariableFilters } from '../query/history-variable-filter.js';
import { toSorting } from '../query/sorting.js';
import { HISTORIC_TASK_SORT_KEYS, type HistoricTaskQueryDto } from './historic-task-query.dto.js';
import {
  HistoricTaskRepository,
  type HistoricTaskFilter,
  type HistoricTaskRow,
} from './historic-task.repository.js';

/** Reads of user task history (Camunda has no GET /history/task/{id}: a taskId filter does that). */
@Injectable()
export class HistoricTaskService {
  constructor(private readonly repository: HistoricTaskRepository) {}

  /** `paging` is the query string of a POST (Camunda pages POST queries by query parameters). */
  list(
    caller: CallerInfo,
    query: HistoricTaskQueryDto,
    paging: PagingQueryDto = query,
  ): Promise<HistoricTaskRow[]> {
    return this.repository.list(
      filterOf(query),
      toSorting(query, HISTORIC_TASK_SORT_KEYS),
      toPage(paging),
      caller,
    );
  }

  count(caller: CallerInfo, query: HistoricTaskQueryDto): Promise<number> {
    return this.repository.count(filterOf(query), caller);
  }
}

function filterOf(query: HistoricTaskQueryDto): HistoricTaskFilter {
  return {
    ...query,
    taskVariables: toVariableFilters(query.taskVariables),
    processVariables: toVariableFilters(query.processVariables),
  };
}
