import { evaluateExpression, ExpressionError } from './index.js';

describe('JUEL member access, indexes and calls', () => {
  const scope = {
    customer: { name: 'Ada', address: { city: 'Lyon' }, 'first-name': 'A' },
    list: [{ name: 'zero' }, { name: 'one' }],
    text: '  Hello World  ',
    nothing: null,
    double: (n: number) => n * 2,
    noResult: () => undefined,
  };
  const evaluate = (text: string) => evaluateExpression(text, scope);

  it('reads properties with dots and brackets', () => {
    expect(evaluate('${customer.name}')).toBe('Ada');
    expect(evaluate('${customer.address.city}')).toBe('Lyon');
    expect(evaluate("${customer['first-name']}")).toBe('A');
    expect(evaluate("${customer['address']['city']}")).toBe('Lyon');
  });

  it('indexes lists by number or numeric string and reads length', () => {
    expect(evaluate('${list[1].name}')).toBe('one');
    expect(evaluate("${list['0'].name}")).toBe('zero');
    expect(evaluate('${list[1 - 1].name}')).toBe('zero');
    expect(evaluate('${list.length}')).toBe(2);
    expect(evaluate('${text.length}')).toBe(15);
  });

  it('gives null for missing keys, out-of-range indexes and null bases, like JUEL', () => {
    expect(evaluate('${customer.age}')).toBeNull();
    expect(evaluate('${list[5]}')).toBeNull();
    expect(evaluate('${nothing.anything}')).toBeNull();
    expect(evaluate('${nothing[0]}')).toBeNull();
  });

  it('refuses non-integer list properties', () => {
    expect(() => evaluate('${list.first}')).toThrow("Cannot read 'first' of a list");
    expect(() => evaluate('${list[0.5]}')).toThrow(ExpressionError);
  });

  it('calls top-level functions from the scope, undefined results becoming null', () => {
    expect(evaluate('${double(21)}')).toBe(42);
    expect(evaluate('${double(double(1) + 1)}')).toBe(6);
    expect(evaluate('${noResult()}')).toBeNull();
  });

  it('calls own functions of scope objects with that object as this', () => {
    const variables: Record<string, unknown> = { x: 7 };
    const execution = {
      id: 'exec-1',
      getVariable(name: string) {
        return variables[name];
      },
      getId() {
        return this.id;
      },
    };
    expect(evaluateExpression("${execution.getVariable('x')}", { execution })).toBe(7);
    expect(evaluateExpression("${execution['getVariable']('x') + 1}", { execution })).toBe(8);
    expect(evaluateExpression('${execution.getId()}', { execution })).toBe('exec-1');
  });

  it.each([
    ["${text.trim().startsWith('Hello')}", true],
    ["${text.endsWith('  ')}", true],
    ["${text.contains('World')}", true],
    ["${text.includes('world')}", false],
    ["${text.indexOf('W')}", 8],
    ['${text.trim().toUpperCase()}', 'HELLO WORLD'],
    ['${text.toLowerCase().trim()}', 'hello world'],
    ['${text.length()}', 15],
    ['${text.isEmpty()}', false],
    ["${text.trim().equals('Hello World')}", true],
    ["${customer.name.equalsIgnoreCase('ADA')}", true],
    ['${text.trim().substring(6)}', 'World'],
    ['${text.trim().substring(0, 5)}', 'Hello'],
  ])('supports the whitelisted string method %s', (text, expected) => {
    expect(evaluate(text)).toBe(expected);
  });

  it('checks argument types of whitelisted methods', () => {
    expect(() => evaluate('${text.startsWith(1)}')).toThrow('Expected a string argument, got 1');
  });

  it.each([
    ['${list.size()}', 2],
    ['${list.isEmpty()}', false],
    ["${roles.contains('admin')}", true],
    ["${roles.includes('root')}", false],
    ["${roles.indexOf('user')}", 1],
    ['${roles.get(0)}', 'admin'],
    ['${customer.size()}', 3],
    ["${customer.containsKey('name')}", true],
    ["${customer.containsKey('toString')}", false],
    ["${customer.get('name')}", 'Ada'],
    ['${customer.isEmpty()}', false],
  ])('supports the Java-style collection method %s', (text, expected) => {
    expect(evaluateExpression(text, { ...scope, roles: ['admin', 'user'] })).toBe(expected);
  });

  it('prefers an own function over a Java-style map method of the same name', () => {
    const map = { get: () => 'own' };
    expect(evaluateExpression("${map.get('x')}", { map })).toBe('own');
  });

  it('refuses calls on null and on own properties that are not functions', () => {
    expect(() => evaluate('${nothing.call()}')).toThrow("Cannot call method 'call' on null");
    expect(() => evaluate('${customer.name()}')).toThrow("'name' is not a function");
  });

  it('wraps exceptions thrown by scope functions, keeping the cause', () => {
    const failure = new Error('boom');
    const scopeWithFailure = {
      explode: () => {
        throw failure;
      },
    };
    try {
      evaluateExpression('${explode()}', scopeWithFailure);
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(ExpressionError);
      expect((error as ExpressionError).message).toBe(
        'Error while evaluating expression: ${explode()}. Cause: boom',
      );
      expect((error as ExpressionError).cause).toBe(failure);
      expect((error as ExpressionError).expression).toBe('${explode()}');
    }
  });
});
