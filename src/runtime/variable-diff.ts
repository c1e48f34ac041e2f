import { inferVariable, toEngineValue, type StoredVariable } from '../common/variables/index.js';

export interface VariableChanges {
  changed: Map<string, StoredVariable>;
  removed: string[];
}

/**
 * Compares the engine's plain variables after a unit of work with the typed rows loaded before it.
 * A changed value keeps the type the caller declared for it, else its old type when the value still
 * fits, else an inferred one.
 */
export function diffVariables(
  before: Map<string, StoredVariable>,
  after: Record<string, unknown>,
  declared: Map<string, StoredVariable>,
): VariableChanges {
  const changed = new Map<string, StoredVariable>();
  for (const [name, value] of Object.entries(after)) {
    if (value === undefined || typeof value === 'function') continue;
    const old = before.get(name);
    if (old && same(toEngineValue(old), value)) continue;
    const typed = declared.get(name);
    if (typed && same(toEngineValue(typed), value)) {
      changed.set(name, typed);
    } else if (old && fits(old, value)) {
      changed.set(name, { ...old, value: value });
    } else {
      changed.set(name, inferVariable(value, name));
    }
  }
  const removed = [...before.keys()].filter((name) => !(name in after));
  return { changed, removed };
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a new plain value can keep the variable's declared type (a Long stays Long, a Json stays Json). */
function fits(old: StoredVariable, value: unknown): boolean {
  switch (old.type) {
    case 'Integer':
    case 'Long':
    case 'Short':
      return Number.isInteger(value);
    case 'Double':
      return typeof value === 'number';
    case 'String':
      return typeof value === 'string';
    case 'Boolean':
      return typeof value === 'boolean';
    case 'Date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'Json':
    case 'Object':
      return typeof value === 'object' && value !== null;
    default:
      return false;
  }
}
