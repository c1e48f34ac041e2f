import { Injectable } from '@nestjs/common';
import type { CallerInfo } from '../../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../../common/errors/conveyor-error.js';
import { toPage } from '../../common/query/page.js';
import type { PagingQueryDto } from '../../common/query/paging.dto.js';
import { toSorting } from '../query/sorting.js';
import {
  HISTORIC_VARIABLE_INSTANCE_SORT_KEYS,
  type HistoricVariableInstanceQueryDto,
} from './historic-variable-instance-query.dto.js';
import {
  HistoricVariableInstanceRepository,
  type HistoricVariableFilter,
  type HistoricVariableRow,
} from './historic-variable-instance.repository.js';

/** Reads of variable history; deleted variables only when asked for. */
@Injectable()
export class HistoricVariableInstanceService {
  constructor(private readonly repository: HistoricVariableInstanceRepository) {}

  /** `paging` is the query string of a POST (Camunda pages POST queries by query parameters). */
  list(
    caller: CallerInfo,
    query: HistoricVariableInstanceQueryDto,
    paging: PagingQueryDto = query,
  ): Promise<HistoricVariableRow[]> {
    return this.repository.list(
      filterOf(query),
      toSorting(query, HISTORIC_VARIABLE_INSTANCE_SORT_KEYS),
      toPage(paging),
      caller,
    );
  }

  count(caller: CallerInfo, query: HistoricVariableInstanceQueryDto): Promise<number> {
    return this.repository.count(filterOf(query), caller);
  }

  /** A variable of an instance the caller may not see answers as a missing one. */
  async get(caller: CallerInfo, id: string): Promise<HistoricVariableRow> {
    const variable = await this.repository.findById(id, caller);
    if (!variable)
      throw new ConveyorError(
        ErrorCode.NotFound,
        `Historic variable instance with id ${id} does not exist`,
      );
    return variable;
  }
}

function filterOf(query: HistoricVariableInstanceQueryDto): HistoricVariableFilter {
  if (query.variableValue !== undefined && query.variableName === undefined) {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      'Only a single variable value parameter specified: variable name and value are required to be able to query after a specific variable value.',
    );
  }
  return {
    ...query,
    variableValues: query.variableValue === undefined ? undefined : candidates(query.variableValue),
  };
}

/**
 * The values a filter value may mean. A query string carries only text, so `42` also finds the
 * Integer 42 and `true` the Boolean, as the runtime variable filters read them.
 */
function candidates(value: unknown): unknown[] {
  if (typeof value !== 'string') return [value];
  if (value === 'true' || value === 'false') return [value, value === 'true'];
  if (value === 'null') return [value, null];
  if (/^-?\d+(\.\d+)?$/.test(value)) return [value, Number(value)];
  return [value];
}
