import { SYSTEM_CALLER, type CallerInfo } from '../../common/caller.decorator.js';
import { SqlConditions } from './sql-conditions.js';

describe('SqlConditions', () => {
  it('numbers placeholders in the order values are bound', () => {
    // given
    const c = new SqlConditions();
    // when
    c.add('a = ?', 1);
    c.when(undefined, 'b = ?');
    c.add('(c >= ? OR d <= ?)', 'x', 'y');
    c.raw('e IS NULL');
    // then
    expect(c.toWhere()).toBe('WHERE a = $1 AND (c >= $2 OR d <= $3) AND e IS NULL');
    expect(c.params).toEqual([1, 'x', 'y']);
  });

  it('answers an empty WHERE when nothing was filtered', () => {
    expect(new SqlConditions().toWhere()).toBe('');
  });

  it('binds hand-built parameters after the earlier ones', () => {
    const c = new SqlConditions();
    c.when('k', 'key = ?');
    c.raw(`name = ${c.param('n')}`);
    expect(c.toWhere()).toBe('WHERE key = $1 AND name = $2');
    expect(c.params).toEqual(['k', 'n']);
  });

  it('refuses a value count that does not match the placeholders', () => {
    expect(() => new SqlConditions().add('a = ? AND b = ?', 1)).toThrow(/placeholders/);
  });

  it('narrows to visible instances with parameters numbered after the filters', () => {
    // given
    const manager: CallerInfo = {
      userId: 'olga',
      roles: new Set(['manager']),
      groupIds: ['conveyor-managers'],
      teamUserIds: ['olga', 'ivan'],
      teamGroupIds: ['sales'],
    };
    const c = new SqlConditions();
    c.add('h.key = ?', 'deal');
    // when
    c.visibleTo(manager, 'h.id');
    // then
    expect(c.params).toEqual(['deal', ['olga', 'ivan'], ['sales']]);
    expect(c.toWhere()).toMatch(/^WHERE h\.key = \$1 AND \(EXISTS .*vt\.instance_id = h\.id/s);
    expect(c.toWhere()).toContain('ANY($2)');
    expect(c.toWhere()).toContain('ANY($3)');
  });

  it('adds nothing for a caller who sees everything', () => {
    const c = new SqlConditions();
    c.visibleTo(SYSTEM_CALLER, 'h.id');
    expect(c.toWhere()).toBe('');
    expect(c.params).toEqual([]);
  });
});
