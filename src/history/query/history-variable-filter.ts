import { ConveyorError, ErrorCode } from '../../common/errors/conveyor-error.js';
import { parseCamundaDate } from '../../common/variables/index.js';
import {
  checkVariableFilters,
  parseVariableFilterParam,
  type VariableFilter,
  type VariableOperator,
} from '../../runtime/variable-filter.js';
import type { SqlConditions } from './sql-conditions.js';

export interface VariableMatching {
  namesIgnoreCase?: boolean;
  valuesIgnoreCase?: boolean;
}

const SQL_OPERATOR: Record<VariableOperator, string> = {
  eq: '=',
  neq: '<>',
  gt: '>',
  gteq: '>=',
  lt: '<',
  lteq: '<=',
  like: 'LIKE',
};

/** Variable filters from a query string (`name_op_value,…`) or a POST body (`[{name, operator, value}]`). */
export function toVariableFilters(param: unknown): VariableFilter[] | undefined {
  return typeof param === 'string' ? parseVariableFilterParam(param) : checkVariableFilters(param);
}

/**
 * SQL condition: a not deleted row of history_variable `hv` within `scopeSql` matches the filter.
 * history_variable keeps values as jsonb only, so numbers compare through a guarded numeric cast,
 * strings on their text, Date variables (ISO strings in UTC) on the instant the filter names.
 */
export function historyVariableSql(
  filter: VariableFilter,
  scopeSql: string,
  c: SqlConditions,
  matching: VariableMatching = {},
): string {
  const name = matching.namesIgnoreCase
    ? `lower(hv.name) = lower(${c.param(filter.name)}::text)`
    : `hv.name = ${c.param(filter.name)}`;
  const value = valuePredicate(
    'hv',
    filter.operator,
    filter.value,
    c,
    matching.valuesIgnoreCase ?? false,
  );
  return `EXISTS (SELECT 1 FROM history_variable hv WHERE ${scopeSql} AND hv.state <> 'DELETED' AND ${name} AND ${value})`;
}

/** The predicate on `alias.value`/`alias.type` for one operator and filter value. */
export function valuePredicate(
  alias: string,
  operator: VariableOperator,
  value: unknown,
  c: SqlConditions,
  ignoreCase: boolean,
): string {
  const op = SQL_OPERATOR[operator];
  const text = `(CASE WHEN jsonb_typeof(${alias}.value) = 'string' THEN ${alias}.value #>> '{}' END)`;
  const fold = (sql: string) => (ignoreCase ? `lower(${sql})` : sql);
  if (operator === 'like') {
    return `${fold(`(${alias}.value #>> '{}')`)} LIKE ${fold(`${c.param(String(value))}::text`)}`;
  }
  if (typeof value === 'number') {
    const number = `(CASE WHEN jsonb_typeof(${alias}.value) = 'number' THEN (${alias}.value)::numeric END)`;
    return `${number} ${op} ${c.param(value)}::numeric`;
  }
  if (typeof value === 'boolean' || value === null) {
    if (operator !== 'eq' && operator !== 'neq') {
      throw invalid(
        `Operator '${operator}' cannot be used with a ${value === null ? 'null' : 'boolean'} value`,
      );
    }
    return `${alias}.value ${op} ${c.param(JSON.stringify(value))}::jsonb`;
  }
  if (typeof value !== 'string')
    throw invalid('A variable filter value must be a string, number, boolean or null');
  const asText = `${fold(text)} ${op} ${fold(`${c.param(value)}::text`)}`;
  const date = parseCamundaDate(value);
  if (!date) return asText;
  return `((${alias}.type = 'Date' AND ${text} ${op} ${c.param(date.toISOString())}::text) OR (${alias}.type <> 'Date' AND ${asText}))`;
}

function invalid(message: string): ConveyorError {
  return new ConveyorError(ErrorCode.InvalidRequest, message);
}
