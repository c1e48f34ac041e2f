import type { QuickJSContext, QuickJSHandle, VmCallResult } from 'quickjs-emscripten';
import { SANDBOX_PRELUDE } from './sandbox-prelude.js';
import { ScriptError } from './script-error.js';

/** What the interrupt handler knows about the current run. */
export interface RunGuard {
  readonly timeoutMs: number;
  timedOut(): boolean;
}

interface Described {
  name: string;
  message: string;
  stack: string;
}

/**
 * One QuickJS context with the prelude loaded. Every handle it hands out is kept and freed by
 * `dispose()`, and every exception inside the VM comes out as a ScriptError.
 */
export class SandboxVm {
  private readonly handles: QuickJSHandle[] = [];
  readonly prelude: { install: QuickJSHandle; describe: QuickJSHandle };

  private constructor(
    readonly context: QuickJSContext,
    private readonly guard: RunGuard,
    api: QuickJSHandle,
  ) {
    this.keep(api);
    this.prelude = {
      install: this.keep(context.getProp(api, 'install')),
      describe: this.keep(context.getProp(api, 'describe')),
    };
  }

  static open(context: QuickJSContext, guard: RunGuard): SandboxVm {
    const loaded = context.evalCode(SANDBOX_PRELUDE, 'prelude.js', { type: 'global' });
    if (!loaded.error) return new SandboxVm(context, guard, loaded.value);
    // Only a limit (time, memory) can make the prelude fail; it has nothing else to report.
    loaded.error.dispose();
    throw guard.timedOut() ? timeout(guard) : memoryError();
  }

  /** Calls `fn(argument)` inside the VM (`this` undefined); takes ownership of `argument`. */
  call(fn: QuickJSHandle, argument: QuickJSHandle): QuickJSHandle {
    this.keep(argument);
    return this.check(this.context.callFunction(fn, this.context.undefined, argument));
  }

  /** Returns the value (kept), or throws the exception as a ScriptError. */
  check(result: VmCallResult<QuickJSHandle>, filename?: string): QuickJSHandle {
    if (!result.error) return this.keep(result.value);
    throw this.failure(this.keep(result.error), filename);
  }

  /** Frees every handle, newest first. Call it before disposing the context. */
  dispose(): void {
    for (const handle of this.handles.reverse()) if (handle.alive) handle.dispose();
    this.handles.length = 0;
  }

  private keep(handle: QuickJSHandle): QuickJSHandle {
    this.handles.push(handle);
    return handle;
  }

  private failure(thrown: QuickJSHandle, filename: string | undefined): ScriptError {
    // After the deadline every call into the VM is interrupted at once: ask it nothing.
    if (this.guard.timedOut()) return timeout(this.guard);
    const { name, message, stack } = this.describe(thrown);
    if (name === 'InternalError' && message === 'out of memory') return memoryError();
    if (message === 'stack overflow') {
      return new ScriptError('stack', 'Script exceeded its stack limit');
    }
    // A compile error has exactly one frame, the script's own file; a runtime SyntaxError
    // (JSON.parse, eval) has more.
    const at = filename && name === 'SyntaxError' ? compileErrorPosition(stack, filename) : null;
    if (at) {
      return new ScriptError('syntax', `${message} (line ${at.line}, column ${at.column})`, name);
    }
    return new ScriptError('exception', message, name, stack);
  }

  private describe(thrown: QuickJSHandle): Described {
    const fallback = { name: 'Error', message: 'The script failed', stack: '' };
    const result = this.context.callFunction(this.prelude.describe, this.context.undefined, thrown);
    if (result.error) {
      // Describing can itself run out of memory; that is then the best description.
      result.error.dispose();
      return { ...fallback, name: 'InternalError', message: 'out of memory' };
    }
    try {
      const parsed = JSON.parse(this.context.getString(result.value)) as Partial<Described>;
      return {
        name: typeof parsed.name === 'string' ? parsed.name : fallback.name,
        message: typeof parsed.message === 'string' ? parsed.message : fallback.message,
        stack: typeof parsed.stack === 'string' ? parsed.stack : '',
      };
    } catch {
      return fallback;
    } finally {
      result.value.dispose();
    }
  }
}

function memoryError(): ScriptError {
  return new ScriptError('memory', 'Script exceeded its memory limit');
}

function timeout(guard: RunGuard): ScriptError {
  return new ScriptError('timeout', `Script timed out after ${guard.timeoutMs} ms`);
}

function compileErrorPosition(
  stack: string,
  filename: string,
): { line: string; column: string } | null {
  const frame = /^\s*at (.+):(\d+):(\d+)\s*$/.exec(stack);
  return frame && frame[1] === filename ? { line: frame[2], column: frame[3] } : null;
}
