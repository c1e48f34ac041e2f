import { instanceVisibility } from '../../auth/visibility.js';
import type { CallerInfo } from '../../common/caller.decorator.js';

/** Collects the WHERE conditions of a query and their positional parameters ($1, $2, …). */
export class SqlConditions {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /** Binds a value and answers its placeholder, for conditions built by hand. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Adds `sql` with each `?` bound, in order, to the next value. */
  add(sql: string, ...values: unknown[]): void {
    const parts = sql.split('?');
    if (parts.length !== values.length + 1) {
      throw new Error(`${values.length} values for ${parts.length - 1} placeholders in: ${sql}`);
    }
    this.conditions.push(parts.reduce((text, part, i) => text + this.param(values[i - 1]) + part));
  }

  /** Adds `sql` bound to `value` when the filter was given. */
  when(value: unknown, sql: string): void {
    if (value !== undefined) this.add(sql, value);
  }

  /** Adds a condition without parameters. */
  raw(sql: string): void {
    this.conditions.push(sql);
  }

  /**
   * Narrows to rows of process instances the caller may see (`instanceId` is the row's instance id
   * as SQL); adds nothing for a caller who sees everything.
   */
  visibleTo(caller: CallerInfo, instanceId: string): void {
    const condition = instanceVisibility(caller, instanceId, this.params);
    if (condition) this.conditions.push(condition);
  }

  toWhere(): string {
    return this.conditions.length === 0 ? '' : `WHERE ${this.conditions.join(' AND ')}`;
  }
}
