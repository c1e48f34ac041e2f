import { evaluateExpression, ExpressionError } from './index.js';

const evaluate = (text: string, scope: Record<string, unknown> = {}) =>
  evaluateExpression(text, scope);

describe('JUEL literals', () => {
  it.each([
    ['${42}', 42],
    ['${3.25}', 3.25],
    ['${.5}', 0.5],
    ['${1e3}', 1000],
    ['${2.5E-1}', 0.25],
    ["${'single'}", 'single'],
    ['${"double"}', 'double'],
    ["${'it\\'s'}", "it's"],
    ['${"say \\"hi\\""}', 'say "hi"'],
    ["${'back\\\\slash'}", 'back\\slash'],
    ["${'line\\nbreak'}", 'line\nbreak'],
    ['${true}', true],
    ['${false}', false],
    ['${null}', null],
  ])('%s is %p', (text, expected) => {
    expect(evaluate(text)).toEqual(expected);
  });
});

describe('JUEL arithmetic', () => {
  it.each([
    ['${7 + 3}', 10],
    ['${7 - 3}', 4],
    ['${7 * 3}', 21],
    ['${7 / 2}', 3.5],
    ['${7 div 2}', 3.5],
    ['${7 % 3}', 1],
    ['${7 mod 3}', 1],
    ['${-x}', -5],
    ['${- -x}', 5],
    ['${-0}', 0],
    ['${null + null}', 0],
    ['${nothing * 3}', 0],
    ["${'4' * '2'}", 8],
    ["${'10' - 1}", 9],
    ["${'' - 1}", -1],
  ])('%s is %p', (text, expected) => {
    expect(evaluate(text, { x: 5, nothing: null })).toBe(expected);
  });

  it('concatenates with + when either side is a string (a deliberate extension of JUEL)', () => {
    expect(evaluate("${'Invoice ' + no}", { no: 42 })).toBe('Invoice 42');
    expect(evaluate("${1 + '1'}")).toBe('11');
    expect(evaluate("${'a' + null}")).toBe('a');
  });

  it('refuses arithmetic on values that are not numbers', () => {
    expect(() => evaluate("${'abc' * 2}")).toThrow("Cannot coerce 'abc' to a number");
    expect(() => evaluate('${true - 1}')).toThrow(ExpressionError);
    expect(() => evaluate('${list * 2}', { list: [] })).toThrow(ExpressionError);
  });
});

describe('JUEL comparison', () => {
  it.each([
    ['${2 < 3}', true],
    ['${2 lt 3}', true],
    ['${3 > 2}', true],
    ['${3 gt 3}', false],
    ['${3 <= 3}', true],
    ['${3 le 2}', false],
    ['${3 >= 3}', true],
    ['${2 ge 3}', false],
    ["${'10' > 9}", true],
    ["${'apple' < 'banana'}", true],
    ["${'b' gt 'a'}", true],
    ['${false < true}', true],
    ['${null < 1}', false],
    ['${null <= null}', true],
    ['${null > null}', false],
  ])('%s is %p', (text, expected) => {
    expect(evaluate(text)).toBe(expected);
  });

  it('compares dates, ISO date strings and mixtures of both as instants', () => {
    const scope = {
      due: new Date('2024-03-01T10:00:00Z'),
      later: new Date('2024-03-02T00:00:00Z'),
      isoDay: '2024-03-01',
      isoWithOffset: '2024-03-01T11:30:00+02:00',
    };
    expect(evaluate('${due < later}', scope)).toBe(true);
    expect(evaluate("${due > '2024-02-28'}", scope)).toBe(true);
    expect(evaluate("${'2024-03-05T00:00:00Z' gt due}", scope)).toBe(true);
    expect(evaluate('${isoWithOffset < due}', scope)).toBe(true); // 09:30Z before 10:00Z
    expect(evaluate('${isoDay lt isoWithOffset}', scope)).toBe(true);
    expect(evaluate("${due == '2024-03-01T10:00:00.000Z'}", scope)).toBe(true);
    expect(evaluate('${due == later}', scope)).toBe(false);
    expect(evaluate("${due != '2024-03-01T12:00:00+02:00'}", scope)).toBe(false);
  });

  it('refuses to order values of unrelated types', () => {
    expect(() => evaluate("${due < 'soon'}", { due: new Date() })).toThrow('Cannot compare');
    expect(() => evaluate("${'abc' < 1}")).toThrow(ExpressionError);
    expect(() => evaluate('${true < 1}')).toThrow(ExpressionError);
  });
});

describe('JUEL equality', () => {
  it.each([
    ['${1 == 1}', true],
    ['${1 eq 1.0}', true],
    ["${1 == '1'}", true],
    ["${'a' ne 'b'}", true],
    ["${'a' != 'a'}", false],
    ['${null == null}', true],
    ['${missing == null}', true],
    ['${0 == null}', false],
    ["${'' == null}", false],
    ["${true == 'TRUE'}", true],
    ["${false eq 'false'}", true],
    ["${true == 'yes'}", false],
    ["${1 == 'one'}", false],
    ['${list == other}', true],
    ['${obj == sameObj}', true],
    ['${obj == list}', false],
  ])('%s is %p', (text, expected) => {
    const scope = {
      missing: undefined,
      list: [1, { a: 'x' }],
      other: [1, { a: 'x' }],
      obj: { a: 1, b: [2] },
      sameObj: { b: [2], a: 1 },
    };
    expect(evaluate(text, scope)).toBe(expected);
  });
});

describe('JUEL logic', () => {
  it.each([
    ['${true && true}', true],
    ['${true and false}', false],
    ['${false || true}', true],
    ['${false or false}', false],
    ['${!true}', false],
    ['${not false}', true],
    ["${'true' and 'TRUE'}", true],
    ['${null or false}', false],
    ["${!'anything'}", true],
  ])('%s is %p', (text, expected) => {
    expect(evaluate(text)).toBe(expected);
  });

  it('short-circuits, so the right side is not evaluated', () => {
    expect(evaluate('${false and unknownVariable}')).toBe(false);
    expect(evaluate('${true or unknownVariable}')).toBe(true);
  });

  it('refuses numbers and objects as booleans, like JUEL', () => {
    expect(() => evaluate('${1 and true}')).toThrow('Cannot coerce 1 to a boolean');
    expect(() => evaluate('${not x}', { x: {} })).toThrow(ExpressionError);
  });

  it('evaluates only the chosen branch of a conditional', () => {
    expect(evaluate("${amount > 10 ? 'big' : unknownVariable}", { amount: 11 })).toBe('big');
    expect(evaluate('${flag ? 1 : 2}', { flag: 'false' })).toBe(2);
  });
});

describe('JUEL empty', () => {
  it.each([
    [null, true],
    [undefined, true],
    ['', true],
    [[], true],
    [{}, true],
    [new Map(), true],
    [new Set(), true],
    [' ', false],
    [[0], false],
    [{ a: null }, false],
    [0, false],
    [false, false],
  ])('empty %p is %p', (value, expected) => {
    expect(evaluate('${empty x}', { x: value })).toBe(expected);
  });
});

describe('JUEL precedence', () => {
  it.each([
    ['${1 + 2 * 3}', 7],
    ['${(1 + 2) * 3}', 9],
    ['${10 - 4 - 3}', 3],
    ['${12 / 3 / 2}', 2],
    ['${2 * 3 % 4}', 2],
    ['${-2 * -3}', 6],
    ['${1 + 2 > 2}', true],
    ['${1 < 2 == true}', true],
    ['${true == false and false}', false],
    ['${true or false and false}', true],
    ['${(true or false) and false}', false],
    ['${not true or true}', true],
    ['${not (true or true)}', false],
    ['${empty list and true}', true],
    ['${not empty list}', false],
    ["${false ? 'a' : true ? 'b' : 'c'}", 'b'],
    ["${1 > 2 or 3 > 2 ? 'yes' : 'no'}", 'yes'],
    ['${-list.length}', 0],
    ['${-obj.n + 1}', -1],
  ])('%s is %p', (text, expected) => {
    expect(evaluate(text, { list: [], obj: { n: 2 } })).toBe(expected);
  });
});
