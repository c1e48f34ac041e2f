import { ScriptError } from './script-error.js';
import { ScriptSandbox } from './script-sandbox.js';

/** Each attempt must end in a ScriptError or a harmless value, and never reach Node. */
describe('ScriptSandbox escape attempts', () => {
  let sandbox: ScriptSandbox;

  beforeAll(async () => {
    sandbox = await ScriptSandbox.create({ memoryBytes: 16 * 1024 * 1024, timeoutMs: 1000 });
  });

  function outcome(source: string): unknown {
    try {
      return sandbox.run(source, { variables: {} }).result;
    } catch (error) {
      if (error instanceof ScriptError) return `${error.scriptErrorName}: ${error.message}`;
      throw error;
    }
  }

  it.each([
    ['process', 'process.exit(1)', "ReferenceError: 'process' is not defined"],
    ['require', "require('fs')", "ReferenceError: 'require' is not defined"],
    [
      'the Function constructor',
      "this.constructor.constructor('return process')()",
      "ReferenceError: 'process' is not defined",
    ],
    [
      'a constructor reached through a variable',
      "execution.getVariable.constructor('return process')()",
      "ReferenceError: 'process' is not defined",
    ],
    ['eval', "eval('process')", "ReferenceError: 'process' is not defined"],
    ['fetch', "fetch('http://example.com')", "ReferenceError: 'fetch' is not defined"],
    ['timers', 'setTimeout(() => 1, 0)', "ReferenceError: 'setTimeout' is not defined"],
    ['a static import', "import fs from 'fs'", "SyntaxError: expecting '(' (line 1, column 8)"],
  ])('cannot use %s', (_what, source, expected) => {
    expect(outcome(source)).toBe(expected);
  });

  it('finds nothing of Node or the host on the global object', () => {
    const names = sandbox.run('Object.getOwnPropertyNames(globalThis)', { variables: {} })
      .result as string[];
    for (const name of [
      'process',
      'require',
      'module',
      'Buffer',
      'fetch',
      'setTimeout',
      'setInterval',
      'setImmediate',
      'queueMicrotask',
      'WebAssembly',
      'Atomics',
      'std',
      'os',
    ]) {
      expect(names).not.toContain(name);
    }
    expect(outcome('typeof globalThis.fetch + typeof globalThis.process')).toBe(
      'undefinedundefined',
    );
  });

  it('gets nothing from a dynamic import: no module loader, and promise jobs never run', () => {
    // given
    const source = `
      import('fs').then((fs) => execution.setVariable('fs', Object.keys(fs)),
                        (e) => execution.setVariable('failed', String(e)));
      Promise.resolve().then(() => execution.setVariable('later', true));
      'done'`;
    // when
    const run = sandbox.run(source, { variables: {} });
    // then
    expect(run).toEqual({ result: 'done', variables: {} });
  });

  it('cannot hand a function, a promise or a prototype to the host', () => {
    expect(outcome("import('fs')")).toEqual({});
    expect(outcome('execution.getVariable')).toBeNull();
    expect(outcome("execution.setVariable('__proto__', { polluted: true })")).toBe(
      "TypeError: A variable cannot be named '__proto__'",
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('cannot replace the execution API for later code of the same run', () => {
    expect(outcome("execution.setVariable = null; 'kept'")).toBe('kept');
    const run = sandbox.run(
      "try { execution.setVariable = null } catch (e) {} execution.setVariable('a', 1)",
      {
        variables: {},
      },
    );
    expect(run.variables).toEqual({ a: 1 });
  });
});
