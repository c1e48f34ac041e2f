import pg from 'pg';

/** SQLSTATE 0A000, raised when a prepared `SELECT *` meets a table another node's migration changed. */
const CACHED_PLAN_CHANGED = /cached plan must not change result type/;

type Callback = (error: Error | null, result: unknown) => void;
type Query = (config: unknown, values?: unknown, callback?: Callback) => unknown;

/** How TypeORM opens and ends a transaction (savepoints inside one leave it open). */
const BEGIN = /^(START TRANSACTION|BEGIN)\b/i;
const END = /^(COMMIT|ROLLBACK)$/i;

/**
 * node-postgres whose pooled clients run the parameterized statements of transactions as named
 * prepared statements: PostgreSQL parses each once per connection and, once a generic plan is as
 * cheap as the custom ones (plan_cache_mode auto), stops planning it. Planning was about half of
 * PostgreSQL's time per statement of a unit of work. Those statements are a small fixed set that
 * find rows by key, so one plan fits every value. Statements outside transactions are mostly
 * searches composed from a caller's filters: many distinct texts, each run rarely, which would
 * only fill the connection's statements; they stay unnamed and are planned for their values.
 * At most `limit` statements are prepared per connection.
 */
export function pgWithPreparedStatements(limit = 500): typeof pg {
  class PreparingClient extends pg.Client {
    private readonly names = new Map<string, string>();
    private sequence = 0;
    private inTransaction = false;

    constructor(config?: string | pg.ClientConfig) {
      super(config);
      // node-postgres' query() has a dozen overloads; this wraps them all, arguments as given.
      const plain = this.query.bind(this) as Query;
      const preparing: Query = (config, values, callback) => {
        const name = this.nameOf(config, values);
        if (!name) return plain(config, values, callback);
        const text = config as string; // only texts get a name
        const named = { name, text, values };
        if (callback) {
          return plain(named, undefined, (error, result) => {
            if (error) this.forgetIfChanged(text, error);
            callback(error, result);
          });
        }
        return (plain(named) as Promise<unknown>).catch((error: Error) => {
          this.forgetIfChanged(text, error);
          throw error;
        });
      };
      this.query = preparing as pg.Client['query'];
    }

    private nameOf(text: unknown, values: unknown): string | undefined {
      if (typeof text !== 'string') return;
      if (BEGIN.test(text)) this.inTransaction = true;
      else if (END.test(text)) this.inTransaction = false;
      if (!this.inTransaction || !Array.isArray(values) || values.length === 0) return;
      const known = this.names.get(text);
      if (known || this.names.size >= limit) return known;
      const name = `conveyor_${this.sequence++}`;
      this.names.set(text, name);
      return name;
    }

    /** The statement runs under a new name next time, prepared afresh. */
    private forgetIfChanged(text: string, error: Error): void {
      if (CACHED_PLAN_CHANGED.test(error.message)) this.names.delete(text);
    }
  }

  class PreparingPool extends pg.Pool {
    constructor(options?: pg.PoolConfig) {
      super({ ...options, Client: PreparingClient as unknown as pg.PoolConfig['Client'] });
    }
  }
  return { ...pg, Pool: PreparingPool, Client: PreparingClient };
}
