import { ConveyorError, ErrorCode } from '../errors/conveyor-error.js';
import { MAX_RESULTS_LIMIT, type Page } from './paging.dto.js';

/** Turns firstResult/maxResults into a bounded page; asking for more than the limit is a 400, as in Camunda. */
export function toPage(query: { firstResult?: number; maxResults?: number }): Page {
  const limit = query.maxResults ?? MAX_RESULTS_LIMIT;
  if (limit > MAX_RESULTS_LIMIT) {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      `Max results limit of ${MAX_RESULTS_LIMIT} exceeded!`,
    );
  }
  return { offset: query.firstResult ?? 0, limit };
}

/** Camunda requires sortBy and sortOrder together. */
export function toSort<T extends string>(
  query: { sortBy?: T; sortOrder?: 'asc' | 'desc' },
  fallback: T,
): { by: T; order: 'ASC' | 'DESC' } {
  if ((query.sortBy === undefined) !== (query.sortOrder === undefined)) {
    throw new ConveyorError(
      ErrorCode.InvalidRequest,
      'Only a single sorting parameter specified. sortBy and sortOrder required',
    );
  }
  return { by: query.sortBy ?? fallback, order: query.sortOrder === 'desc' ? 'DESC' : 'ASC' };
}

/** `a,b,c` lists in query strings, as Camunda's *In parameters. */
export function splitList(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').filter((item) => item.length > 0);
}
