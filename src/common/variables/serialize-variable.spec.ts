import { parseVariables } from './parse-variables.js';
import { serializeVariable, toEngineValue, toEngineVariables } from './serialize-variable.js';
import type { StoredVariable } from './variable-types.js';

describe('serializeVariable', () => {
  it.each<[StoredVariable, unknown]>([
    [
      { type: 'String', value: 'a' },
      { value: 'a', type: 'String', valueInfo: {} },
    ],
    [
      { type: 'Integer', value: 1 },
      { value: 1, type: 'Integer', valueInfo: {} },
    ],
    [
      { type: 'Long', value: 2 ** 40 },
      { value: 2 ** 40, type: 'Long', valueInfo: {} },
    ],
    [
      { type: 'Short', value: 7 },
      { value: 7, type: 'Short', valueInfo: {} },
    ],
    [
      { type: 'Double', value: 1.5 },
      { value: 1.5, type: 'Double', valueInfo: {} },
    ],
    [
      { type: 'Boolean', value: true },
      { value: true, type: 'Boolean', valueInfo: {} },
    ],
    [
      { type: 'Null', value: null },
      { value: null, type: 'Null', valueInfo: {} },
    ],
    [
      { type: 'Integer', value: null },
      { value: null, type: 'Integer', valueInfo: {} },
    ],
    [
      { type: 'Date', value: '2026-11-22T10:00:00.000Z' },
      { value: '2026-11-22T10:00:00.000+0000', type: 'Date', valueInfo: {} },
    ],
    [
      { type: 'Json', value: { a: [1] } },
      { value: '{"a":[1]}', type: 'Json', valueInfo: {} },
    ],
  ])('renders %j in Camunda shape', (variable, expected) => {
    expect(serializeVariable(variable)).toEqual(expected);
  });

  it('renders Object values as JSON text with their type name and format', () => {
    const variable: StoredVariable = {
      type: 'Object',
      value: { id: 1 },
      valueInfo: { objectTypeName: 'com.acme.Order', serializationDataFormat: 'application/json' },
    };
    expect(serializeVariable(variable)).toEqual({
      value: '{"id":1}',
      type: 'Object',
      valueInfo: { objectTypeName: 'com.acme.Order', serializationDataFormat: 'application/json' },
    });
    expect(serializeVariable(variable, { deserializeValue: true }).value).toEqual({ id: 1 });
  });

  it('round-trips every type through parse and serialize', () => {
    // given a request body as a Camunda client sends it
    const body = {
      s: { value: 'text', type: 'String' },
      i: { value: 5, type: 'Integer' },
      l: { value: 9_007_199_254_740_991, type: 'Long' },
      sh: { value: -3, type: 'Short' },
      d: { value: 2.25, type: 'Double' },
      b: { value: true, type: 'Boolean' },
      dt: { value: '2026-11-22T10:00:00.000+0000', type: 'Date' },
      j: { value: '{"k":[1,2]}', type: 'Json' },
      o: {
        value: '{"id":7}',
        type: 'Object',
        valueInfo: { objectTypeName: 'Order', serializationDataFormat: 'application/json' },
      },
      n: { value: null, type: 'Null' },
    };
    // when
    const parsed = parseVariables(body, { maxValueBytes: 10_000 });
    const output = Object.fromEntries([...parsed].map(([name, v]) => [name, serializeVariable(v)]));
    // then every value comes back exactly as sent, with Camunda's default valueInfo
    for (const [name, entry] of Object.entries(body)) {
      expect(output[name]).toEqual({ valueInfo: {}, ...entry });
    }
  });
});

describe('toEngineValue', () => {
  it('gives the engine plain JSON-safe values', () => {
    expect(toEngineValue({ type: 'Date', value: '2026-11-22T10:00:00.000Z' })).toBe(
      '2026-11-22T10:00:00.000Z',
    );
    expect(toEngineValue({ type: 'Long', value: 12 })).toBe(12);
    expect(toEngineValue({ type: 'Null', value: null })).toBeNull();
    expect(toEngineValue({ type: 'Json', value: { a: 1 } })).toEqual({ a: 1 });
  });

  it('hands out copies of Json and Object values', () => {
    const variable: StoredVariable = { type: 'Object', value: { a: 1 }, valueInfo: {} };
    (toEngineValue(variable) as { a: number }).a = 2;
    expect(variable.value).toEqual({ a: 1 });
  });

  it('maps a whole variable map', () => {
    const variables = new Map<string, StoredVariable>([
      ['x', { type: 'Integer', value: 1 }],
      ['y', { type: 'Json', value: [true] }],
    ]);
    expect(toEngineVariables(variables)).toEqual({ x: 1, y: [true] });
  });
});
