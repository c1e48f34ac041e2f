import { ConveyorError } from '../../common/errors/conveyor-error.js';
import { orderBy, toSorting } from './sorting.js';

const KEYS = ['startTime', 'businessKey'] as const;
const COLUMNS = { startTime: 'h.start_time', businessKey: 'h.business_key' };

describe('toSorting', () => {
  it('reads sortBy and sortOrder from a query string', () => {
    expect(toSorting({ sortBy: 'startTime', sortOrder: 'desc' }, KEYS)).toEqual([
      { by: 'startTime', order: 'DESC' },
    ]);
  });

  it('answers no criteria when none were asked for', () => {
    expect(toSorting({}, KEYS)).toEqual([]);
  });

  it('refuses sortBy without sortOrder, as Camunda', () => {
    expect(() => toSorting({ sortBy: 'startTime' }, KEYS)).toThrow(ConveyorError);
    expect(() => toSorting({ sortOrder: 'asc' }, KEYS)).toThrow(/sortBy and sortOrder required/);
  });

  it('reads the sorting array of a POST body in order', () => {
    const sorting = [
      { sortBy: 'businessKey', sortOrder: 'asc' },
      { sortBy: 'startTime', sortOrder: 'desc' },
    ];
    expect(toSorting({ sorting }, KEYS)).toEqual([
      { by: 'businessKey', order: 'ASC' },
      { by: 'startTime', order: 'DESC' },
    ]);
  });

  it('refuses unknown keys and malformed sorting entries', () => {
    expect(() => toSorting({ sorting: [{ sortBy: 'nope', sortOrder: 'asc' }] }, KEYS)).toThrow(
      /Cannot sort by 'nope'/,
    );
    expect(() => toSorting({ sorting: [{ sortBy: 'startTime' }] }, KEYS)).toThrow(ConveyorError);
    expect(() => toSorting({ sorting: 'startTime' }, KEYS)).toThrow(/must be an array/);
  });
});

describe('orderBy', () => {
  it('puts the requested criteria before the tiebreak', () => {
    expect(orderBy([{ by: 'businessKey', order: 'DESC' }], COLUMNS, 'h.id')).toBe(
      'ORDER BY h.business_key DESC, h.id',
    );
    expect(orderBy([], COLUMNS, 'h.start_time, h.id')).toBe('ORDER BY h.start_time, h.id');
  });
});
