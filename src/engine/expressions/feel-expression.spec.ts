import {
  assertExpressionSyntax,
  evaluateCondition,
  evaluateExpression,
  ExpressionError,
  type Resolver,
} from './index.js';

function resolverOf(variables: Record<string, unknown>): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const resolver = (name: string) => {
    asked.push(name);
    return Object.hasOwn(variables, name)
      ? { found: true as const, value: variables[name] }
      : { found: false as const };
  };
  return Object.assign(resolver, { asked });
}

describe('FEEL expressions (text starting with =)', () => {
  it('evaluates comparisons and conditionals', () => {
    expect(evaluateExpression('= amount > 1000', { amount: 1500 })).toBe(true);
    expect(evaluateExpression('= if budget > 1000000 then "A" else "B"', { budget: 5 })).toBe('B');
    expect(evaluateExpression('=if budget > 1000000 then "A" else "B"', { budget: 2e6 })).toBe('A');
  });

  it('returns lists and contexts as plain values', () => {
    expect(evaluateExpression('= for i in items return i * 2', { items: [1, 2] })).toEqual([2, 4]);
    expect(evaluateExpression('= {total: a + b, names: ["x"]}', { a: 1, b: 2 })).toEqual({
      total: 3,
      names: ['x'],
    });
  });

  it('subtracts a duration from a JS Date and gives a JS Date back', () => {
    // given
    const measurementDate = new Date('2024-01-10T12:00:00Z');
    // when
    const result = evaluateExpression('= measurementDate - duration("PT24H")', { measurementDate });
    // then
    expect(result).toBeInstanceOf(Date);
    expect((result as Date).toISOString()).toBe('2024-01-09T12:00:00.000Z');
  });

  it('converts date-times in any zone to the right instant', () => {
    const at = (text: string) =>
      (evaluateExpression(`= date and time("${text}")`, {}) as Date).toISOString();
    expect(at('2024-01-10T10:00:00Z')).toBe('2024-01-10T10:00:00.000Z');
    expect(at('2024-01-10T10:00:00+02:00')).toBe('2024-01-10T08:00:00.000Z');
    expect(at('2024-01-10T10:00:00@Europe/Paris')).toBe('2024-01-10T09:00:00.000Z');
    expect(at('2024-01-10T10:00:00')).toBe('2024-01-10T10:00:00.000Z'); // zone-less: UTC
  });

  it('gives durations, dates and times as ISO 8601 text', () => {
    expect(evaluateExpression('= duration("P1D") + duration("PT2H")', {})).toBe('P1DT2H');
    expect(evaluateExpression('= date("2024-01-10") - date("2024-01-01")', {})).toBe('P9D');
    expect(evaluateExpression('= date("2024-01-10") + duration("P1D")', {})).toBe('2024-01-11');
    expect(evaluateExpression('= time("10:30:00")', {})).toBe('10:30:00');
  });

  it('resolves the names it mentions through a resolver', () => {
    // given
    const resolver = resolverOf({ amount: 10, rate: 3, unused: 1 });
    // when
    const result = evaluateExpression('= amount * rate + string length("ab")', resolver);
    // then
    expect(result).toBe(32);
    expect(resolver.asked).toEqual(expect.arrayContaining(['amount', 'rate']));
    expect(resolver.asked).not.toContain('unused');
  });

  it('calls functions the scope provides', () => {
    expect(evaluateExpression('= double(21)', { double: (n: number) => n * 2 })).toBe(42);
  });

  it('gives null for unknown variables, as FEEL does, and says why in a condition', () => {
    expect(evaluateExpression('= missing', {})).toBeNull();
    expect(() => evaluateCondition('= missing > 1', {})).toThrow(
      "Unable to evaluate condition: result is not a boolean (= missing > 1 gave null; Variable 'missing' not found)",
    );
  });

  it('gives no access to prototypes', () => {
    expect(evaluateExpression('= x.constructor', { x: {} })).toBeNull();
    expect(evaluateExpression('= x.__proto__', { x: {} })).toBeNull();
    expect(evaluateExpression('= constructor', resolverOf({}))).toBeNull();
  });

  it('turns syntax errors into ExpressionErrors with the position in the whole text', () => {
    expect(() => evaluateExpression('= 1 +', {})).toThrow(ExpressionError);
    let caught: unknown;
    try {
      evaluateExpression('= a b )', {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExpressionError);
    expect((caught as ExpressionError).position).toBe(6); // the ')'
    expect((caught as ExpressionError).expression).toBe('= a b )');
  });

  it('wraps exceptions thrown by scope functions', () => {
    const fail = () => {
      throw new Error('boom');
    };
    expect(() => evaluateExpression('= fail()', { fail })).toThrow(
      'Error while evaluating expression: = fail(). Cause: boom',
    );
  });

  it('checks syntax without evaluating', () => {
    expect(() => assertExpressionSyntax('= amount > 1000 and unknown(1)')).not.toThrow();
    expect(() => assertExpressionSyntax('= if budget then')).toThrow(
      "Error parsing '= if budget then': syntax error at position",
    );
    expect(() => assertExpressionSyntax('= 1 +')).toThrow('incomplete expression');
    expect(() => assertExpressionSyntax('=')).toThrow(ExpressionError);
  });
});
