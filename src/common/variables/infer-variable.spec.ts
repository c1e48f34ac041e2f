import { ConveyorError } from '../errors/conveyor-error.js';
import { inferVariable } from './infer-variable.js';

describe('inferVariable', () => {
  it.each([
    ['a string', 'text', { type: 'String', value: 'text' }],
    ['a boolean', false, { type: 'Boolean', value: false }],
    ['a 32-bit integer', 42, { type: 'Integer', value: 42 }],
    ['a larger integer', 2_147_483_648, { type: 'Long', value: 2_147_483_648 }],
    ['a fraction', 1.5, { type: 'Double', value: 1.5 }],
    ['an integral float beyond 2^53', 1e20, { type: 'Double', value: 1e20 }],
    ['a safe bigint', 12n, { type: 'Long', value: 12 }],
    ['null', null, { type: 'Null', value: null }],
    ['undefined', undefined, { type: 'Null', value: null }],
    [
      'a Date',
      new Date('2026-11-22T10:00:00Z'),
      { type: 'Date', value: '2026-11-22T10:00:00.000Z' },
    ],
    ['an array', [1, 'a'], { type: 'Json', value: [1, 'a'] }],
    ['an object', { a: { b: true } }, { type: 'Json', value: { a: { b: true } } }],
  ])('types %s', (_label, value, expected) => {
    expect(inferVariable(value)).toEqual(expected);
  });

  it('turns nested Dates into ISO strings and drops undefined, like JSON would', () => {
    const value = { at: new Date('2026-01-01T00:00:00Z'), gone: undefined };
    expect(inferVariable(value)).toEqual({
      type: 'Json',
      value: { at: '2026-01-01T00:00:00.000Z' },
    });
  });

  it('copies objects so later engine mutations do not leak into the stored value', () => {
    const value = { n: 1 };
    const variable = inferVariable(value);
    value.n = 2;
    expect(variable.value).toEqual({ n: 1 });
  });

  it.each([
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['an unsafe bigint', 2n ** 60n],
    ['an invalid Date', new Date('nope')],
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
  ])('refuses %s, naming the variable', (_label, value) => {
    expect(() => inferVariable(value, 'result')).toThrow(ConveyorError);
    expect(() => inferVariable(value, 'result')).toThrow(/'result'/);
  });

  it('refuses circular objects', () => {
    const value: Record<string, unknown> = {};
    value.self = value;
    expect(() => inferVariable(value, 'loop')).toThrow(/'loop'.*circular/);
  });

  it('refuses prototype-polluting keys produced by a script', () => {
    const value = JSON.parse('{"a":{"__proto__":{"admin":true}}}');
    expect(() => inferVariable(value, 'out')).toThrow(
      "Variable 'out' contains the forbidden key '__proto__'",
    );
  });
});
