/** Looks a top-level name up: a process variable, `execution`, a function the engine provides… */
export type Resolver = (name: string) => { found: true; value: unknown } | { found: false };

/** What expressions read names from: a resolver, or a record whose OWN properties are the names. */
export type ExpressionScope = Resolver | Record<string, unknown>;

export function toResolver(scope: ExpressionScope): Resolver {
  if (typeof scope === 'function') return scope;
  return (name) =>
    Object.hasOwn(scope, name) ? { found: true, value: scope[name] } : { found: false };
}
