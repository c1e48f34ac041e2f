import { ConveyorError, ErrorCode } from '../errors/conveyor-error.js';
import { parseVariable, parseVariables } from './parse-variables.js';

const limits = { maxValueBytes: 1_000 };

function parseOne(entry: unknown, name = 'v') {
  return parseVariables({ [name]: entry }, limits).get(name);
}

function errorOf(run: () => unknown): ConveyorError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConveyorError) return error;
    throw error;
  }
  throw new Error('expected a ConveyorError');
}

describe('parseVariables', () => {
  describe('accepts each type the way Camunda converts it', () => {
    it.each([
      [
        { value: 'a', type: 'String' },
        { type: 'String', value: 'a' },
      ],
      [
        { value: 'a', type: 'string' },
        { type: 'String', value: 'a' },
      ],
      [
        { value: 'a', type: 'STRING' },
        { type: 'String', value: 'a' },
      ],
      [
        { value: 12, type: 'String' },
        { type: 'String', value: '12' },
      ],
      [
        { value: true, type: 'String' },
        { type: 'String', value: 'true' },
      ],
      [
        { value: 2_147_483_647, type: 'Integer' },
        { type: 'Integer', value: 2_147_483_647 },
      ],
      [
        { value: -2_147_483_648, type: 'Integer' },
        { type: 'Integer', value: -2_147_483_648 },
      ],
      [
        { value: '42', type: 'Integer' },
        { type: 'Integer', value: 42 },
      ],
      [
        { value: 32_767, type: 'Short' },
        { type: 'Short', value: 32_767 },
      ],
      [
        { value: '-32768', type: 'Short' },
        { type: 'Short', value: -32_768 },
      ],
      [
        { value: 9_007_199_254_740_991, type: 'Long' },
        { type: 'Long', value: 9_007_199_254_740_991 },
      ],
      [
        { value: '-9007199254740991', type: 'Long' },
        { type: 'Long', value: -9_007_199_254_740_991 },
      ],
      [
        { value: 1.5, type: 'Double' },
        { type: 'Double', value: 1.5 },
      ],
      [
        { value: 3, type: 'Double' },
        { type: 'Double', value: 3 },
      ],
      [
        { value: '1e3', type: 'Double' },
        { type: 'Double', value: 1000 },
      ],
      [
        { value: false, type: 'Boolean' },
        { type: 'Boolean', value: false },
      ],
      [
        { value: 'true', type: 'Boolean' },
        { type: 'Boolean', value: true },
      ],
      [
        { value: 'FALSE', type: 'Boolean' },
        { type: 'Boolean', value: false },
      ],
      [
        { value: '2013-06-30T21:33:32.000+0200', type: 'Date' },
        { type: 'Date', value: '2013-06-30T19:33:32.000Z' },
      ],
      [
        { value: '2026-11-22T10:00:00Z', type: 'Date' },
        { type: 'Date', value: '2026-11-22T10:00:00.000Z' },
      ],
      [
        { value: '{"a":[1,{"b":null}]}', type: 'Json' },
        { type: 'Json', value: { a: [1, { b: null }] } },
      ],
      [
        { value: '7', type: 'Json' },
        { type: 'Json', value: 7 },
      ],
      [
        { value: { a: 1 }, type: 'Json' },
        { type: 'Json', value: { a: 1 } },
      ],
      [
        { value: [1, 2], type: 'Json' },
        { type: 'Json', value: [1, 2] },
      ],
      [
        { value: null, type: 'Null' },
        { type: 'Null', value: null },
      ],
      [
        { value: null, type: 'Integer' },
        { type: 'Integer', value: null },
      ],
      [{ type: 'String' }, { type: 'String', value: null }],
    ])('%j', (entry, expected) => {
      expect(parseOne(entry)).toEqual(expected);
    });

    it('parses Object values given as JSON text or data', () => {
      const valueInfo = {
        objectTypeName: 'com.acme.Order',
        serializationDataFormat: 'application/json',
      };
      const expected = { type: 'Object', value: { id: 1 }, valueInfo };
      expect(parseOne({ value: '{"id":1}', type: 'Object', valueInfo })).toEqual(expected);
      expect(parseOne({ value: { id: 1 }, type: 'Object', valueInfo })).toEqual(expected);
      expect(
        parseOne({
          value: '{"id":1}',
          type: 'Object',
          valueInfo: { objectTypeName: 'com.acme.Order' },
        }),
      ).toEqual(expected);
    });

    it('keeps the transient flag', () => {
      expect(parseOne({ value: 'x', type: 'String', valueInfo: { transient: true } })).toEqual({
        type: 'String',
        value: 'x',
        valueInfo: { transient: true },
      });
    });
  });

  describe('infers a missing type from the JSON value', () => {
    it.each([
      ['text', 'String'],
      [5, 'Integer'],
      [-2_147_483_648, 'Integer'],
      [2_147_483_648, 'Long'],
      [-2_147_483_649, 'Long'],
      [0.5, 'Double'],
      [true, 'Boolean'],
      [null, 'Null'],
      [{ a: 1 }, 'Json'],
      [[1], 'Json'],
    ])('%j → %s', (value, type) => {
      expect(parseOne({ value })).toEqual({ type, value });
    });

    it('refuses integers beyond what JavaScript holds exactly', () => {
      expect(() => parseOne({ value: 2 ** 60 })).toThrow(/java.lang.Long \(variable 'v'\)/);
    });
  });

  describe('rejects values Camunda cannot convert, naming the variable', () => {
    it('uses Camunda’s conversion message', () => {
      const error = errorOf(() => parseOne({ value: 'abc', type: 'Integer' }, 'amount'));
      expect(error.code).toBe(ErrorCode.InvalidRequest);
      expect(error.message).toBe(
        "Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer (variable 'amount')",
      );
    });

    it.each([
      [{ value: { a: 1 }, type: 'String' }, /java.lang.String/],
      [{ value: 1.5, type: 'Integer' }, /java.lang.Integer/],
      [{ value: 2_147_483_648, type: 'Integer' }, /java.lang.Integer.*out of range/],
      [{ value: '1.0', type: 'Integer' }, /java.lang.Integer/],
      [{ value: true, type: 'Integer' }, /java.lang.Integer/],
      [{ value: 32_768, type: 'Short' }, /java.lang.Short.*out of range/],
      [{ value: 2 ** 53, type: 'Long' }, /java.lang.Long.*2\^53/],
      [{ value: '9007199254740993', type: 'Long' }, /java.lang.Long.*2\^53/],
      [{ value: '12abc', type: 'Long' }, /java.lang.Long/],
      [{ value: 'abc', type: 'Double' }, /java.lang.Double/],
      [{ value: '', type: 'Double' }, /java.lang.Double/],
      [{ value: 'yes', type: 'Boolean' }, /java.lang.Boolean/],
      [{ value: 1, type: 'Boolean' }, /java.lang.Boolean/],
      [{ value: '30/06/2013', type: 'Date' }, /java.util.Date/],
      [{ value: '2013-02-30T00:00:00.000+0000', type: 'Date' }, /java.util.Date/],
      [{ value: 1_372_620_812_000, type: 'Date' }, /java.util.Date/],
      [{ value: '{not json', type: 'Json' }, /not valid JSON/],
      [{ value: 42, type: 'Json' }, /SerializableValue type 'Json'/],
      [{ value: 'x', type: 'Null' }, /can only hold null/],
      [{ value: '{}', type: 'Object', valueInfo: {} }, /no 'objectTypeName'/],
      [
        {
          value: 'rO0AB',
          type: 'Object',
          valueInfo: {
            objectTypeName: 'A',
            serializationDataFormat: 'application/x-java-serialized-object',
          },
        },
        /serialization data format 'application\/x-java-serialized-object' is not supported/,
      ],
      [{ value: '{}', type: 'Object', valueInfo: 'no' }, /valueInfo/],
      [{ value: 'x', type: 'Bytes' }, /Unsupported value type 'Bytes'/],
      [{ value: 'x', type: 'File' }, /Unsupported value type 'File'/],
      [{ value: 'x', type: 7 }, /Unsupported value type '7'/],
      ['not an entry', /must be an object/],
      [[{ value: 1 }], /must be an object/],
    ])('%j', (entry, message) => {
      const error = errorOf(() => parseOne(entry, 'myVar'));
      expect(error.code).toBe(ErrorCode.InvalidRequest);
      expect(error.message).toMatch(message);
      expect(error.message).toContain("'myVar'");
    });
  });

  describe('names', () => {
    it.each(['__proto__', 'constructor', 'prototype'])('rejects %s', (name) => {
      const body = JSON.parse(`{"${name}": {"value": 1}}`);
      expect(() => parseVariables(body, limits)).toThrow(`Variable name '${name}' is not allowed`);
    });

    it('rejects an empty name', () => {
      expect(() => parseVariables({ '': { value: 1 } }, limits)).toThrow('must not be empty');
    });

    it.each(['nul\u0000', 'bell\u0007', 'esc\u001b[31m', 'del\u007f'])(
      'rejects control characters in %j',
      (name) => {
        expect(() => parseVariables({ [name]: { value: 1 } }, limits)).toThrow(
          'contains control characters',
        );
      },
    );

    it('limits the length, 255 by default', () => {
      expect(parseVariables({ ['a'.repeat(255)]: { value: 1 } }, limits).size).toBe(1);
      expect(() => parseVariables({ ['a'.repeat(256)]: { value: 1 } }, limits)).toThrow(
        'longer than 255 characters',
      );
      expect(() => parseVariables({ abcd: { value: 1 } }, { ...limits, maxNameLength: 3 })).toThrow(
        'longer than 3 characters',
      );
    });
  });

  describe('prototype pollution inside values', () => {
    it.each([
      ['a Json string', { value: '{"a":{"__proto__":{"admin":true}}}', type: 'Json' }],
      ['Json data', JSON.parse('{"value":{"x":[{"constructor":{"prototype":{}}}]},"type":"Json"}')],
      ['an untyped object', JSON.parse('{"value":{"__proto__":{"admin":true}}}')],
      [
        'an Object string',
        { value: '{"prototype":1}', type: 'Object', valueInfo: { objectTypeName: 'A' } },
      ],
      ['valueInfo', JSON.parse('{"value":"x","valueInfo":{"__proto__":{}}}')],
    ])('rejects forbidden keys in %s', (_label, entry) => {
      expect(() => parseOne(entry, 'evil')).toThrow(/Variable 'evil' contains the forbidden key/);
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    });

    it.each([
      ['a NUL in a Json string', { value: '{"a":"x\\u0000"}', type: 'Json' }],
      ['an unpaired surrogate in a key', { value: '{"\\ud800":1}', type: 'Json' }],
    ])('rejects text PostgreSQL cannot store: %s', (_label, entry) => {
      expect(() => parseOne(entry, 'evil')).toThrow(/NUL character or broken text/);
    });
  });

  describe('size limit', () => {
    it('accepts a value of exactly the limit and rejects one byte more', () => {
      const small = { maxValueBytes: 10 };
      expect(parseVariable('s', { value: 'x'.repeat(10) }, small).value).toHaveLength(10);
      expect(() => parseVariable('s', { value: 'x'.repeat(11) }, small)).toThrow(
        "Variable 's' is too large: 11 bytes, the limit is 10 bytes",
      );
    });

    it('counts UTF-8 bytes and the JSON form of structured values', () => {
      expect(() => parseVariable('u', { value: 'éé' }, { maxValueBytes: 3 })).toThrow('4 bytes');
      expect(() =>
        parseVariable('j', { value: { a: 'xxxx' }, type: 'Json' }, { maxValueBytes: 11 }),
      ).toThrow('12 bytes');
    });
  });

  it('requires a plain object as the variables map', () => {
    for (const input of [null, [], 'x', 3, new Map()]) {
      expect(() => parseVariables(input, limits)).toThrow(ConveyorError);
    }
    expect(parseVariables({}, limits).size).toBe(0);
  });

  it('parses several variables at once', () => {
    const variables = parseVariables(
      { a: { value: 1 }, b: { value: 'x', type: 'String' } },
      limits,
    );
    expect([...variables.keys()]).toEqual(['a', 'b']);
  });
});
