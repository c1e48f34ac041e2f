import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';

export type VariableOperator = 'eq' | 'neq' | 'gt' | 'gteq' | 'lt' | 'lteq' | 'like';

/** Camunda's variable filter: `name_operator_value` in query strings, `{name, operator, value}` in bodies. */
export interface VariableFilter {
  name: string;
  operator: VariableOperator;
  value: unknown;
}

const OPERATORS = new Set<VariableOperator>(['eq', 'neq', 'gt', 'gteq', 'lt', 'lteq', 'like']);
const SQL_OPERATOR: Record<VariableOperator, string> = {
  eq: '=',
  neq: '<>',
  gt: '>',
  gteq: '>=',
  lt: '<',
  lteq: '<=',
  like: 'LIKE',
};

/** Parses `amount_gt_1000,category_eq_A` (Camunda's GET syntax). */
export function parseVariableFilterParam(param: string | undefined): VariableFilter[] | undefined {
  if (param === undefined) return undefined;
  return param.split(',').map((part) => {
    const match = /^(.+?)_(eq|neq|gt|gteq|lt|lteq|like)_(.*)$/.exec(part);
    if (!match) {
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `variable query parameter has to have format KEY_OPERATOR_VALUE, got '${part}'`,
      );
    }
    return { name: match[1], operator: match[2] as VariableOperator, value: coerce(match[3]) };
  });
}

/** Validates variable filters that came in a JSON body. */
export function checkVariableFilters(filters: unknown): VariableFilter[] | undefined {
  if (filters === undefined || filters === null) return undefined;
  if (!Array.isArray(filters))
    throw invalid('variables must be an array of {name, operator, value}');
  return filters.map((f: unknown) => {
    const { name, operator, value } = (f ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || !OPERATORS.has(operator as VariableOperator)) {
      throw invalid(
        `Invalid variable filter ${JSON.stringify(f)}: name and operator (eq, neq, gt, gteq, lt, lteq, like) required`,
      );
    }
    return { name, operator: operator as VariableOperator, value };
  });
}

/**
 * SQL condition: the instance (column `instanceColumn`) has a process variable matching the filter.
 * Strings compare on text_value, numbers on number_value, booleans and null on the jsonb value; all use indexes on (name, …).
 */
export function variableFilterSql(
  filter: VariableFilter,
  instanceColumn: string,
  params: unknown[],
): string {
  params.push(filter.name);
  const nameParam = `$${params.length}`;
  const op = SQL_OPERATOR[filter.operator];
  let predicate: string;
  if (typeof filter.value === 'number') {
    params.push(filter.value);
    predicate = `v.number_value ${op} $${params.length}`;
  } else if (typeof filter.value === 'boolean' || filter.value === null) {
    if (filter.operator !== 'eq' && filter.operator !== 'neq') {
      throw invalid(
        `Operator '${filter.operator}' cannot be used with a ${filter.value === null ? 'null' : 'boolean'} value`,
      );
    }
    params.push(JSON.stringify(filter.value));
    predicate = `v.value ${op} $${params.length}::jsonb`;
  } else {
    params.push(typeof filter.value === 'string' ? filter.value : JSON.stringify(filter.value));
    predicate = `v.text_value ${op} $${params.length}`;
  }
  return `EXISTS (SELECT 1 FROM variable v WHERE v.instance_id = ${instanceColumn} AND v.task_id IS NULL
    AND v.name = ${nameParam} AND ${predicate})`;
}

function coerce(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

function invalid(message: string): ConveyorError {
  return new ConveyorError(ErrorCode.InvalidRequest, message);
}
