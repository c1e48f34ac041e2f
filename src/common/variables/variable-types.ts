/** The Camunda 7 variable types Conveyor stores (Camunda's `Bytes` and `File` are not supported). */
export type VariableType =
  | 'String'
  | 'Integer'
  | 'Long'
  | 'Short'
  | 'Double'
  | 'Boolean'
  | 'Date'
  | 'Json'
  | 'Object'
  | 'Null';

export const VARIABLE_TYPES: readonly VariableType[] = [
  'String',
  'Integer',
  'Long',
  'Short',
  'Double',
  'Boolean',
  'Date',
  'Json',
  'Object',
  'Null',
];

/**
 * A typed variable as Conveyor keeps it. `value` is always JSON-safe so it can go into engine
 * state and jsonb columns unchanged:
 * - Date: an ISO string in UTC with milliseconds (`2026-11-22T10:00:00.000Z`);
 * - Json and Object: the parsed JSON value;
 * - any type may hold `null` (Camunda allows typed nulls such as a null Integer).
 */
export interface StoredVariable {
  type: VariableType;
  value: unknown;
  valueInfo?: Record<string, unknown>;
}

/** A variable in Camunda's REST shape: `{ "value": ..., "type": "...", "valueInfo": {...} }`. */
export interface SerializedVariable {
  value: unknown;
  type: string;
  valueInfo: Record<string, unknown>;
}

export interface VariableLimits {
  /** Largest accepted value, measured as UTF-8 bytes of its stored JSON form (strings: raw text). */
  maxValueBytes: number;
  /** Longest accepted variable name; Camunda's ACT_RU_VARIABLE.NAME_ is varchar(255). */
  maxNameLength?: number;
}

/** The only format Object variables may be serialized in: Conveyor has no Java serialization. */
export const JSON_DATA_FORMAT = 'application/json';
