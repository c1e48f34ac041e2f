import type { QuickJSWASMModule } from 'quickjs-emscripten';
import { loadQuickJSModule } from './module-pool.js';
import { ScriptError } from './script-error.js';
import { ScriptSandbox } from './script-sandbox.js';

const MB = 1024 * 1024;

function failureOf(sandbox: ScriptSandbox, source: string): ScriptError {
  try {
    sandbox.run(source, { variables: {} });
  } catch (error) {
    if (error instanceof ScriptError) return error;
    throw error;
  }
  throw new Error(`expected ${source} to fail`);
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

describe('ScriptSandbox limits', () => {
  const modules: QuickJSWASMModule[] = [];
  let sandbox: ScriptSandbox;

  beforeAll(async () => {
    sandbox = await ScriptSandbox.create(
      { memoryBytes: 16 * MB, timeoutMs: 1000 },
      async (growth) => {
        const module = await loadQuickJSModule(growth);
        modules.push(module);
        return module;
      },
    );
  });

  const heapSizes = () => modules.map((module) => module.getWasmMemory().buffer.byteLength);

  it('refuses limits that are not positive integers', async () => {
    await expect(ScriptSandbox.create({ memoryBytes: 0, timeoutMs: 1000 })).rejects.toThrow(
      /memoryBytes must be a positive integer/,
    );
  });

  it('stops an endless loop at about the time limit', () => {
    // given
    const started = performance.now();
    // when
    const error = failureOf(sandbox, 'while (true) {}');
    // then
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ kind: 'timeout', message: 'Script timed out after 1000 ms' });
    expect(elapsed).toBeGreaterThanOrEqual(995);
    expect(elapsed).toBeLessThan(1500);
  });

  it('cannot catch its own interruption', async () => {
    const quick = await ScriptSandbox.create({ memoryBytes: 16 * MB, timeoutMs: 100 });
    const error = failureOf(quick, 'for (;;) { try { while (true) {} } catch (e) {} }');
    expect(error).toMatchObject({ kind: 'timeout', message: 'Script timed out after 100 ms' });
  });

  it('stops a 100 MB allocation at the memory limit', () => {
    const error = failureOf(sandbox, "const big = 'x'.repeat(100 * 1024 * 1024); big.length");
    expect(error).toMatchObject({ kind: 'memory', message: 'Script exceeded its memory limit' });
  });

  it('stops many allocations that each fit the limit once they add up past it', () => {
    // QuickJS alone would let these grow the WebAssembly heap without bound
    const source = "const all = []; for (;;) all.push('x'.repeat(4 * 1024 * 1024) + all.length)";
    const error = failureOf(sandbox, source);
    expect(error).toMatchObject({ kind: 'memory', message: 'Script exceeded its memory limit' });
    expect(Math.max(...heapSizes())).toBeLessThanOrEqual(32 * MB); // 16 MB initial + the limit
  });

  it('stops a growing data structure at the memory limit', () => {
    const error = failureOf(sandbox, 'const all = []; for (;;) all.push({ n: all.length })');
    expect(error.kind).toBe('memory');
  });

  it('counts the input variables against the memory limit', () => {
    const large = { large: 'x'.repeat(12 * MB) };
    const huge = { huge: 'x'.repeat(20 * MB) };
    expect(() => sandbox.run('1; 2', { variables: large })).toThrow(
      expect.objectContaining({ kind: 'memory' }), // fits the host's check, not the VM
    );
    expect(() => sandbox.run('1', { variables: huge })).toThrow(
      expect.objectContaining({ kind: 'memory' }), // refused before entering the sandbox
    );
  });

  it('stops endless recursion at the stack limit', () => {
    const error = failureOf(sandbox, 'function down(n) { return down(n + 1) + 1 } down(0)');
    expect(error).toMatchObject({ kind: 'stack', message: 'Script exceeded its stack limit' });
  });

  it('survives a script that overflows the host stack, by switching to its spare module', async () => {
    // given: deeply nested parentheses make the QuickJS parser recurse on the host's stack
    // faster than QuickJS's own stack accounting notices
    const own = await ScriptSandbox.create({ memoryBytes: 16 * MB, timeoutMs: 1000 });
    const nested = "eval('('.repeat(100000) + '1' + ')'.repeat(100000))";
    // when
    const error = failureOf(own, nested);
    // then
    expect(error).toMatchObject({ kind: 'stack', message: 'Script exceeded its stack limit' });
    expect(own.run('1 + 1', { variables: {} }).result).toBe(2);
    expect(own.status()).toMatchObject({ ready: true, modulesRetired: 1 });
    await waitFor(() => own.status().spareReady);
  });

  it('isolates runs: nothing a script changes is visible to the next one', () => {
    // given
    sandbox.run(
      `globalThis.leaked = 1; var declared = 2; Object.prototype.polluted = true;
       Array.prototype.map = null; JSON.stringify = () => 'hijacked'; execution.setVariable('a', 1)`,
      { variables: {} },
    );
    // when
    const { result } = sandbox.run(
      `[typeof leaked, typeof declared, ({}).polluted === undefined, typeof [].map,
        JSON.stringify(1), execution.hasVariable('a')]`,
      { variables: {} },
    );
    // then
    expect(result).toEqual(['undefined', 'undefined', true, 'function', '1', false]);
  });

  it('frees every handle: 1000 runs of all outcomes neither fail nor grow the heap', () => {
    // given
    const scripts = [
      "execution.setVariable('n', n + 1); ({ n })",
      "throw new Error('no')",
      'let x = ;',
      "'x'.repeat(64 * 1024 * 1024)",
      'function f() { return f() } f()',
      "Promise.resolve().then(() => 1); import('fs')",
    ];
    const before = heapSizes();
    // when
    for (let n = 0; n < 1000; n++) {
      try {
        sandbox.run(scripts[n % scripts.length], { variables: { n } });
      } catch (error) {
        if (!(error instanceof ScriptError) || error.kind === 'unavailable') throw error;
      }
    }
    // then
    expect(sandbox.status()).toEqual({ ready: true, spareReady: true, modulesRetired: 0 });
    expect(heapSizes()).toEqual(before);
    expect(sandbox.run('n * 2', { variables: { n: 21 } }).result).toBe(42);
  });

  it('costs well under a few milliseconds per run', () => {
    const samples: number[] = [];
    for (let i = 0; i < 300; i++) {
      const started = performance.now();
      sandbox.run('1 + 1', { variables: { amount: 1 } });
      samples.push(performance.now() - started);
    }
    expect(median(samples)).toBeLessThan(3);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(condition()).toBe(true);
}
