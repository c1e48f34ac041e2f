import {
  evaluateCondition,
  evaluateExpression,
  ExpressionError,
  isExpression,
  type Resolver,
} from './index.js';

describe('isExpression', () => {
  it.each([
    ['${x}', true],
    ['Hello #{name}', true],
    ['= 1 + 1', true],
    ['plain', false],
    ['$ {x}', false],
    ['a = b', false],
    ['', false],
  ])('%p is %p', (text, expected) => {
    expect(isExpression(text)).toBe(expected);
  });
});

describe('Camunda 7 examples', () => {
  it.each([
    ['${amount > 1000}', { amount: 1500 }, true],
    ['${amount > 1000}', { amount: 999 }, false],
    ['${approved == true}', { approved: true }, true],
    ['${approved}', { approved: false }, false],
    ['${not empty comment}', { comment: 'looks good' }, true],
    ['${not empty comment}', { comment: '' }, false],
    ['${not empty comment}', { comment: null }, false],
    [
      "${customerCategory eq 'A' and budget ge 500000}",
      { customerCategory: 'A', budget: 5e5 },
      true,
    ],
    [
      "${customerCategory eq 'A' and budget ge 500000}",
      { customerCategory: 'B', budget: 1e6 },
      false,
    ],
    ["${decision == 'reject' || amount gt 10000}", { decision: 'ok', amount: 20000 }, true],
    ['${list[1].name == "second"}', { list: [{ name: 'first' }, { name: 'second' }] }, true],
  ])('%s with %j is %p', (text, scope, expected) => {
    expect(evaluateCondition(text, scope)).toBe(expected);
  });

  it("reads variables through execution.getVariable('x')", () => {
    // given
    const variables = new Map<string, unknown>([['x', 'value of x']]);
    const execution = { getVariable: (name: string) => variables.get(name) };
    // when / then
    expect(evaluateExpression("${execution.getVariable('x')}", { execution })).toBe('value of x');
    expect(evaluateCondition("${execution.getVariable('x') != null}", { execution })).toBe(true);
  });

  it('reads the indexed element of a list', () => {
    const list = [{ name: 'first' }, { name: 'second' }];
    expect(evaluateExpression('${list[1].name}', { list })).toBe('second');
  });
});

describe('unknown identifiers', () => {
  it("throw Camunda's error message", () => {
    expect(() => evaluateExpression('${x}', {})).toThrow(
      "Unknown property used in expression: ${x}. Cause: Cannot resolve identifier 'x'",
    );
    expect(() => evaluateCondition('${amount > 1000}', { other: 1 })).toThrow(
      "Unknown property used in expression: ${amount > 1000}. Cause: Cannot resolve identifier 'amount'",
    );
  });

  it('are the whole template in the message and on the error', () => {
    try {
      evaluateExpression('Dear ${title} ${name}', { title: 'Dr.' });
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(ExpressionError);
      expect((error as ExpressionError).expression).toBe('Dear ${title} ${name}');
      expect((error as ExpressionError).message).toContain("Cannot resolve identifier 'name'");
    }
  });

  it('include inherited names of a record scope, which are not variables', () => {
    expect(() => evaluateExpression('${toString}', {})).toThrow(
      "Cannot resolve identifier 'toString'",
    );
  });

  it('differ from a variable that exists with the value undefined or null', () => {
    expect(evaluateExpression('${x}', { x: undefined })).toBeNull();
    expect(evaluateExpression('${empty x}', { x: null })).toBe(true);
  });
});

describe('resolver scope', () => {
  it('asks the resolver for each top-level name', () => {
    const resolver: Resolver = (name) =>
      name === 'amount' ? { found: true, value: 1200 } : { found: false };
    expect(evaluateCondition('${amount > 1000}', resolver)).toBe(true);
    expect(() => evaluateCondition('${other}', resolver)).toThrow(ExpressionError);
  });
});

describe('evaluateCondition', () => {
  it('trims the text, as Camunda trims conditionExpression', () => {
    expect(evaluateCondition('\n   ${a == 1}\n  ', { a: 1 })).toBe(true);
    expect(evaluateCondition('  = a = 1 ', { a: 1 })).toBe(true);
  });

  it.each([['${amount}'], ["${'true'}"], ['${nothing}'], ['true'], ['Total: ${ok}']])(
    'refuses %s, whose result is not a boolean',
    (text) => {
      expect(() => evaluateCondition(text, { amount: 5, nothing: null, ok: true })).toThrow(
        'Unable to evaluate condition: result is not a boolean',
      );
    },
  );
});
