import { ConveyorError } from '../../common/errors/conveyor-error.js';
import {
  historyVariableSql,
  toVariableFilters,
  valuePredicate,
} from './history-variable-filter.js';
import { SqlConditions } from './sql-conditions.js';

describe('toVariableFilters', () => {
  it('parses the query string form with typed values', () => {
    expect(toVariableFilters('amount_gt_1000,customer_eq_ACME')).toEqual([
      { name: 'amount', operator: 'gt', value: 1000 },
      { name: 'customer', operator: 'eq', value: 'ACME' },
    ]);
  });

  it('takes the body form and refuses unknown operators', () => {
    expect(toVariableFilters([{ name: 'a', operator: 'eq', value: true }])).toEqual([
      { name: 'a', operator: 'eq', value: true },
    ]);
    expect(() => toVariableFilters([{ name: 'a', operator: 'between', value: 1 }])).toThrow(
      ConveyorError,
    );
    expect(toVariableFilters(undefined)).toBeUndefined();
  });
});

describe('valuePredicate', () => {
  it('compares numbers through a guarded numeric cast', () => {
    const c = new SqlConditions();
    const sql = valuePredicate('hv', 'gteq', 5, c, false);
    expect(sql).toContain(`jsonb_typeof(hv.value) = 'number' THEN (hv.value)::numeric`);
    expect(sql).toContain('>= $1::numeric');
    expect(c.params).toEqual([5]);
  });

  it('compares booleans and null as jsonb, and only for (in)equality', () => {
    const c = new SqlConditions();
    expect(valuePredicate('v', 'neq', null, c, false)).toBe('v.value <> $1::jsonb');
    expect(c.params).toEqual(['null']);
    expect(() => valuePredicate('v', 'gt', true, c, false)).toThrow(
      /cannot be used with a boolean/,
    );
  });

  it('folds case of strings when asked to', () => {
    const c = new SqlConditions();
    const sql = valuePredicate('v', 'eq', 'Acme', c, true);
    expect(sql).toMatch(
      /^lower\(\(CASE WHEN jsonb_typeof\(v\.value\) = 'string'.*= lower\(\$1::text\)$/,
    );
  });

  it('compares a date-like string with Date variables as an instant', () => {
    const c = new SqlConditions();
    const sql = valuePredicate('v', 'lt', '2026-11-22T12:00:00.000+0200', c, false);
    expect(sql).toContain(`v.type = 'Date'`);
    expect(c.params).toContain('2026-11-22T10:00:00.000Z');
  });

  it('matches like on the value text', () => {
    const c = new SqlConditions();
    expect(valuePredicate('v', 'like', 'AC%', c, false)).toBe(`(v.value #>> '{}') LIKE $1::text`);
  });

  it('refuses object values', () => {
    expect(() => valuePredicate('v', 'eq', { a: 1 }, new SqlConditions(), false)).toThrow(
      /string, number, boolean or null/,
    );
  });
});

describe('historyVariableSql', () => {
  it('matches a not deleted variable of the scope by name', () => {
    const c = new SqlConditions();
    const sql = historyVariableSql(
      { name: 'Amount', operator: 'eq', value: 1 },
      'hv.instance_id = h.id',
      c,
      {
        namesIgnoreCase: true,
      },
    );
    expect(sql).toMatch(
      /^EXISTS \(SELECT 1 FROM history_variable hv WHERE hv\.instance_id = h\.id AND hv\.state <> 'DELETED'/,
    );
    expect(sql).toContain('lower(hv.name) = lower($1::text)');
    expect(c.params).toEqual(['Amount', 1]);
  });
});
