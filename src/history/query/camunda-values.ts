import { formatCamundaDate } from '../../common/variables/index.js';

/** A nullable timestamp column in Camunda's date format. */
export function camundaDate(value: Date | null): string | null {
  return value === null ? null : formatCamundaDate(value);
}

/** A bigint column (node-postgres returns int8 as text) as a number of milliseconds. */
export function millis(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}
