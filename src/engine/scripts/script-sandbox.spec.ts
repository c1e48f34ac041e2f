import { ScriptError } from './script-error.js';
import { ScriptSandbox } from './script-sandbox.js';

const LIMITS = { memoryBytes: 16 * 1024 * 1024, timeoutMs: 1000 };

describe('ScriptSandbox', () => {
  let sandbox: ScriptSandbox;

  beforeAll(async () => {
    sandbox = await ScriptSandbox.create(LIMITS);
  });

  function failureOf(source: string, variables: Record<string, unknown> = {}): ScriptError {
    try {
      sandbox.run(source, { variables });
    } catch (error) {
      if (error instanceof ScriptError) return error;
      throw error;
    }
    throw new Error(`expected ${source} to fail`);
  }

  describe('running scripts', () => {
    it('returns the value of the last expression as the result', () => {
      expect(sandbox.run('1 + 1', { variables: {} })).toEqual({ result: 2, variables: {} });
      expect(sandbox.run('const o = { a: [1, "x", null] }; o', { variables: {} }).result).toEqual({
        a: [1, 'x', null],
      });
    });

    it('gives null as the result when the last statement has no value', () => {
      expect(sandbox.run('const x = 1;', { variables: {} }).result).toBeNull();
      expect(sandbox.run('(function () {})', { variables: {} }).result).toBeNull();
    });

    it('reads variables by name, through execution.getVariable and the variables object', () => {
      // given
      const variables = { amount: 2000, customer: { name: 'Ada' } };
      // when
      const { result } = sandbox.run(
        '[amount, execution.getVariable("customer").name, variables.amount, execution.hasVariable("amount")]',
        { variables },
      );
      // then
      expect(result).toEqual([2000, 'Ada', 2000, true]);
    });

    it('returns null for a missing variable, as Camunda does', () => {
      const { result } = sandbox.run(
        '[execution.getVariable("nope"), execution.hasVariable("nope")]',
        { variables: {} },
      );
      expect(result).toEqual([null, false]);
    });

    it('reports the variables set with execution.setVariable, and only those', () => {
      // given
      const source = `
        execution.setVariable('category', amount > 1000 ? 'A' : 'B');
        execution.setVariable('items', [{ sku: 'x', qty: 2 }]);
        execution.setVariable('nothing', undefined);
        42`;
      // when
      const run = sandbox.run(source, { variables: { amount: 2000, untouched: true } });
      // then
      expect(run).toEqual({
        result: 42,
        variables: { category: 'A', items: [{ sku: 'x', qty: 2 }], nothing: null },
      });
    });

    it('sees a variable it set, by name and through getVariable and getVariables', () => {
      const { result } = sandbox.run(
        `execution.setVariable('amount', 5); execution.setVariable('fresh', 'y');
         [amount, execution.getVariable('amount'), fresh, execution.getVariables()]`,
        { variables: { amount: 1 } },
      );
      expect(result).toEqual([5, 5, 'y', { amount: 5, fresh: 'y' }]);
    });

    it('keeps plain assignments to a variable name local to the script', () => {
      const run = sandbox.run('amount = 7; amount', { variables: { amount: 1 } });
      expect(run).toEqual({ result: 7, variables: {} });
    });

    it('copies set values at the time of setVariable (JSON data, not references)', () => {
      const { variables } = sandbox.run(
        "const o = { n: 1 }; execution.setVariable('o', o); o.n = 2; execution.setVariable('d', new Date(0))",
        { variables: {} },
      );
      expect(variables).toEqual({ o: { n: 1 }, d: '1970-01-01T00:00:00.000Z' });
    });

    it('refuses functions, symbols and BigInts as variable values', () => {
      expect(failureOf("execution.setVariable('f', () => 1)").message).toMatch(
        /execution.setVariable\('f'\) is not JSON data/,
      );
      expect(failureOf("execution.setVariable('b', 10n)").scriptErrorName).toBe('TypeError');
    });

    it('makes the variables object read-only', () => {
      const error = failureOf("'use strict'; variables.amount = 5", { amount: 1 });
      expect(error.kind).toBe('exception');
      expect(error.scriptErrorName).toBe('TypeError');
    });

    it('passes dates in as ISO strings', () => {
      const { result } = sandbox.run('when', { variables: { when: new Date(0) } });
      expect(result).toBe('1970-01-01T00:00:00.000Z');
    });

    it('refuses variables that are not JSON data before running anything', () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      expect(() => sandbox.run('1', { variables: { cyclic } })).toThrow(
        expect.objectContaining({ kind: 'data' }),
      );
    });
  });

  describe('errors', () => {
    it("surfaces a thrown error's own message", () => {
      const error = failureOf("throw new Error('Customer has no address')");
      expect(error).toBeInstanceOf(ScriptError);
      expect(error).toMatchObject({ kind: 'exception', message: 'Customer has no address' });
      expect(error.scriptErrorName).toBe('Error');
      expect(error.scriptStack).toContain('script.js');
    });

    it('describes thrown strings and objects', () => {
      expect(failureOf("throw 'plain'").message).toBe('plain');
      expect(failureOf('throw { code: 7 }').message).toBe('The script threw {"code":7}');
    });

    it('reports a reference to an unknown variable like Camunda does', () => {
      const error = failureOf('amount > 1000');
      expect(error).toMatchObject({ kind: 'exception', scriptErrorName: 'ReferenceError' });
      expect(error.message).toBe("'amount' is not defined");
    });

    it('reports syntax errors with their position, when running and when only checking', () => {
      expect(failureOf('let x = ;').kind).toBe('syntax');
      expect(() => sandbox.checkSyntax('function f() {\n  return 1 +;\n}', 'task')).toThrow(
        "unexpected token in expression: ';' (line 2, column 13)",
      );
      expect(() => sandbox.checkSyntax("execution.setVariable('a', 1); 42")).not.toThrow();
    });

    it('checks syntax without running the script', () => {
      expect(() => sandbox.checkSyntax('while (true) {}')).not.toThrow();
    });

    it('treats a SyntaxError thrown at run time as an exception', () => {
      expect(failureOf("JSON.parse('{')")).toMatchObject({
        kind: 'exception',
        scriptErrorName: 'SyntaxError',
      });
    });

    it('fails when the result is not JSON data', () => {
      expect(failureOf('10n').message).toMatch(/The script result is not JSON data/);
    });
  });
});
