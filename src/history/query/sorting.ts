import { ConveyorError, ErrorCode } from '../../common/errors/conveyor-error.js';
import { toSort } from '../../common/query/page.js';

export interface SortSpec<K extends string> {
  by: K;
  order: 'ASC' | 'DESC';
}

/** Sort input as Camunda takes it: sortBy/sortOrder in a query string, a `sorting` array in a POST body. */
export interface SortInput {
  sortBy?: string;
  sortOrder?: 'asc' | 'desc';
  sorting?: unknown;
}

/** The requested sort criteria, in order; empty when the caller asked for none. */
export function toSorting<K extends string>(input: SortInput, keys: readonly K[]): SortSpec<K>[] {
  const requested = input.sorting === undefined ? [singleSort(input)] : sortingArray(input.sorting);
  return requested
    .filter((s) => s !== null)
    .map(({ sortBy, sortOrder }) => {
      if (!(keys as readonly string[]).includes(sortBy)) {
        throw invalid(`Cannot sort by '${sortBy}': sortBy must be one of ${keys.join(', ')}`);
      }
      return { by: sortBy as K, order: sortOrder === 'desc' ? 'DESC' : 'ASC' };
    });
}

/** `ORDER BY` with the requested criteria first, then `tiebreak` so pages are stable. */
export function orderBy<K extends string>(
  sorts: SortSpec<K>[],
  columns: Record<K, string>,
  tiebreak: string,
): string {
  const criteria = sorts.map((s) => `${columns[s.by]} ${s.order}`);
  return `ORDER BY ${[...criteria, tiebreak].join(', ')}`;
}

function singleSort(input: SortInput): { sortBy: string; sortOrder: string } | null {
  if (input.sortBy === undefined && input.sortOrder === undefined) return null;
  const sort = toSort(input, ''); // throws Camunda's message when only one of the two is given
  return { sortBy: sort.by, sortOrder: sort.order === 'DESC' ? 'desc' : 'asc' };
}

function sortingArray(sorting: unknown): { sortBy: string; sortOrder: string }[] {
  if (!Array.isArray(sorting)) throw invalid('sorting must be an array of {sortBy, sortOrder}');
  return sorting.map((item: unknown) => {
    const { sortBy, sortOrder } = (item ?? {}) as Record<string, unknown>;
    if (typeof sortBy !== 'string' || (sortOrder !== 'asc' && sortOrder !== 'desc')) {
      throw invalid('Only a single sorting parameter specified. sortBy and sortOrder required');
    }
    return { sortBy, sortOrder };
  });
}

function invalid(message: string): ConveyorError {
  return new ConveyorError(ErrorCode.InvalidRequest, message);
}
