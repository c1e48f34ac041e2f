import type { QuickJSWASMModule } from 'quickjs-emscripten';
import { loadQuickJSModule, ModulePool } from './module-pool.js';
import { SandboxVm } from './sandbox-vm.js';
import { ScriptError } from './script-error.js';

export interface ScriptLimits {
  /**
   * Memory for scripts: the most the WebAssembly heap may grow past its initial 16 MB, and the
   * largest single allocation (QuickJS `setMemoryLimit`, which alone bounds nothing: see
   * module-pool.ts). Runs take turns on one heap, and each run frees everything it allocated.
   */
  memoryBytes: number;
  /** Wall-clock budget of one run, enforced by the interrupt handler. */
  timeoutMs: number;
  /**
   * QuickJS stack budget (`setMaxStackSize`). Default 64 KiB: QuickJS uses 2–4 times as much of
   * the host's native stack (V8's ~1 MB) as it counts, so larger values let deep recursion overflow
   * the host instead of raising a catchable error. See README.md.
   */
  maxStackBytes?: number;
}

export interface ScriptInput {
  /** Visible as `execution.getVariable(name)`, `variables[name]` and bare names. JSON data only. */
  variables: Record<string, unknown>;
  /** Names the script in stack traces and syntax errors (e.g. the activity id). */
  name?: string;
}

export interface ScriptRun {
  /** Value of the script's last expression as JSON data (undefined, functions and symbols → null). */
  result: unknown;
  /** Variables the script set with `execution.setVariable` (last value of each). */
  variables: Record<string, unknown>;
}

export type SandboxStatus = ReturnType<ModulePool['status']>;

const DEFAULT_MAX_STACK_BYTES = 64 * 1024;

/**
 * Runs untrusted JavaScript in QuickJS (WebAssembly): no Node, no I/O, no timers, only JSON data in
 * and out, with memory, time and stack limits. Every run gets a fresh runtime and context, so
 * nothing a script does survives into the next run (~0.8 ms a run, see README.md). One per process.
 */
export class ScriptSandbox {
  private constructor(
    private readonly limits: Required<ScriptLimits>,
    private readonly pool: ModulePool,
  ) {}

  /** Loads two WebAssembly modules (`loadModule` is for tests): one in use, one spare. */
  static async create(
    limits: ScriptLimits,
    loadModule: (growthBytes: number) => Promise<QuickJSWASMModule> = loadQuickJSModule,
  ): Promise<ScriptSandbox> {
    const checked = { maxStackBytes: DEFAULT_MAX_STACK_BYTES, ...limits };
    for (const [key, value] of Object.entries(checked)) {
      if (!Number.isSafeInteger(value) || value <= 0) {
        throw new RangeError(`ScriptSandbox: ${key} must be a positive integer, got ${value}`);
      }
    }
    const pool = await ModulePool.create(() => loadModule(checked.memoryBytes));
    return new ScriptSandbox(checked, pool);
  }

  /** Runs `source` as a classic (non-module) script; throws ScriptError on any failure. */
  run(source: string, input: ScriptInput): ScriptRun {
    const inputJson = serializeVariables(input.variables);
    this.assertFits(inputJson, source);
    const filename = `${input.name ?? 'script'}.js`;
    const output = this.withVm((vm) => {
      const collect = vm.call(vm.prelude.install, vm.context.newString(inputJson));
      const evaluated = vm.check(
        vm.context.evalCode(source, filename, { type: 'global' }),
        filename,
      );
      return vm.context.getString(vm.call(collect, evaluated));
    });
    const parsed = JSON.parse(output) as ScriptRun;
    return { result: parsed.result, variables: parsed.variables };
  }

  /** Compiles `source` without running it (QuickJS compile-only eval); throws a `syntax` ScriptError. */
  checkSyntax(source: string, name = 'script'): void {
    this.assertFits(source);
    const filename = `${name}.js`;
    this.withVm((vm) => {
      vm.check(
        vm.context.evalCode(source, filename, { type: 'global', compileOnly: true }),
        filename,
      );
    });
  }

  /** For health checks: a module is loaded, a spare is ready, how many modules were replaced. */
  status(): SandboxStatus {
    return this.pool.status();
  }

  /**
   * Texts are copied into the WebAssembly heap before QuickJS counts them, and that heap never
   * shrinks: refuse what could never fit in a run's memory instead of growing it.
   */
  private assertFits(...texts: string[]): void {
    const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
    if (bytes > this.limits.memoryBytes) throw memoryError();
  }

  /**
   * Runs `work` in a fresh limited runtime and context, then disposes every handle, the context and
   * the runtime, also when `work` throws a ScriptError. Any other exception came from the host (V8's
   * stack overflowing inside WebAssembly, a QuickJS abort): the module's memory is then in an
   * unknown state, so it is dropped undisposed and the spare takes over.
   */
  private withVm<T>(work: (vm: SandboxVm) => T): T {
    const module = this.pool.current();
    if (!module) {
      throw new ScriptError('unavailable', 'The script sandbox is restarting; try again shortly');
    }
    try {
      const { timeoutMs } = this.limits;
      const deadline = performance.now() + timeoutMs;
      let interrupted = false;
      const runtime = module.newRuntime({
        memoryLimitBytes: this.limits.memoryBytes,
        maxStackSizeBytes: this.limits.maxStackBytes,
        interruptHandler: () => (interrupted ||= performance.now() > deadline),
      });
      const context = runtime.newContext();
      const outcome = attempt(() => {
        const vm = SandboxVm.open(context, { timeoutMs, timedOut: () => interrupted });
        const result = attempt(() => work(vm));
        vm.dispose();
        return result;
      });
      context.dispose();
      runtime.dispose();
      const result = outcome.failed ? outcome : outcome.value;
      if (result.failed) throw result.error;
      return result.value;
    } catch (error) {
      if (error instanceof ScriptError) throw error;
      this.pool.retire(module);
      throw hostFailure(error);
    }
  }
}

type Outcome<T> = { failed: false; value: T } | { failed: true; error: ScriptError };

/** Catches only ScriptErrors: a host exception must skip every disposal on its way out. */
function attempt<T>(work: () => T): Outcome<T> {
  try {
    return { failed: false, value: work() };
  } catch (error) {
    if (error instanceof ScriptError) return { failed: true, error };
    throw error;
  }
}

function memoryError(): ScriptError {
  return new ScriptError('memory', 'Script exceeded its memory limit');
}

function hostFailure(error: unknown): ScriptError {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new ScriptError('stack', 'Script exceeded its stack limit');
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ScriptError('unavailable', `The script sandbox failed: ${reason}`);
}

/** Host variables → JSON text for the VM. Dates become ISO strings, as JSON.stringify does. */
function serializeVariables(variables: Record<string, unknown>): string {
  try {
    return JSON.stringify(variables ?? {});
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ScriptError('data', `The variables cannot be passed to a script as JSON: ${reason}`);
  }
}
