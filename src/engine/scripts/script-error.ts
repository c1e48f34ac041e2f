/**
 * Why a script failed:
 * - `exception`: the script threw (its own message is kept);
 * - `syntax`: the source does not compile;
 * - `timeout` / `memory` / `stack`: a sandbox limit was hit;
 * - `data`: a value that is not JSON data had to cross the sandbox boundary;
 * - `unsupported`: a script format or form other than inline JavaScript (raised at registration);
 * - `unavailable`: the sandbox is replacing its WebAssembly module after a host stack overflow.
 */
export type ScriptErrorKind =
  'exception' | 'syntax' | 'timeout' | 'memory' | 'stack' | 'data' | 'unsupported' | 'unavailable';

/** A script failed or could not run. Never carries a handle or object from inside the sandbox. */
export class ScriptError extends Error {
  constructor(
    readonly kind: ScriptErrorKind,
    message: string,
    /** For `exception` and `syntax`: the error name inside the script (`TypeError`, `SyntaxError`…). */
    readonly scriptErrorName?: string,
    /** For `exception`: the QuickJS stack trace of the script, if it had one. */
    readonly scriptStack?: string,
  ) {
    super(message);
    this.name = 'ScriptError';
  }
}
