import { ScriptError } from './script-error.js';
import type { ScriptSandbox } from './script-sandbox.js';

/** What bpmn-elements passes to `execute`: its ExecutionScope (only the parts used here). */
export interface ScriptExecutionScope {
  id: string;
  type: string;
  content?: Record<string, unknown>;
  environment: { variables: Record<string, unknown> };
}

/** bpmn-elements' callback: an error fails the element; otherwise `output` becomes its output. */
export type ScriptCallback = (error: Error | null, output?: unknown) => void;

export interface EngineScript {
  execute(scope: ScriptExecutionScope, callback: ScriptCallback): void;
}

/** The element bpmn-elements registers: a script task, a sequence flow, a conditional event. */
export interface ScriptedElement {
  id: string;
  type: string;
  behaviour?: {
    scriptFormat?: string;
    script?: string;
    resource?: string;
    resultVariable?: string;
    $attrs?: Record<string, string>;
    conditionExpression?: { language?: string; body?: string };
  };
}

export interface BpmnScriptsOptions {
  /**
   * The variables a script sees. Default: the process variables, then the multi-instance
   * `loopCounter`, then the activity's input parameters (`content.input`), later ones winning.
   */
  scope?: (scope: ScriptExecutionScope) => Record<string, unknown>;
}

// Keys bpmn-engine copies from the run message into process variables: never real variables.
const ENGINE_KEYS = new Set(['fields', 'content', 'properties']);

/** `scriptFormat` / `language` values run as JavaScript; anything else is refused. */
export function isJavaScriptFormat(format: unknown): boolean {
  return typeof format === 'string' && /^(javascript|js|ecmascript)$/i.test(format.trim());
}

/**
 * bpmn-engine's `scripts` option, running every script in the QuickJS sandbox with Camunda's
 * semantics: `execution.setVariable` writes process variables, `camunda:resultVariable` receives
 * the value of the last expression, a condition script must return a boolean. Stateless, so one
 * instance can serve every Engine of the process.
 */
export class BpmnScripts {
  private readonly scope: (scope: ScriptExecutionScope) => Record<string, unknown>;

  constructor(
    private readonly sandbox: ScriptSandbox,
    options: BpmnScriptsOptions = {},
  ) {
    this.scope = options.scope ?? defaultScope;
  }

  /**
   * Called by bpmn-elements for every script task and sequence flow, and for conditional event
   * definitions with a script. Throws an `unsupported` ScriptError for a script it cannot run,
   * which rejects the engine's execute(): better than bpmn-engine's silent dummy script.
   */
  register(element: ScriptedElement): EngineScript | undefined {
    return this.scriptFor(element);
  }

  getScript(_language: string | undefined, element: ScriptedElement): EngineScript | undefined {
    return this.scriptFor(element);
  }

  private scriptFor(element: ScriptedElement): EngineScript | undefined {
    const behaviour = element.behaviour ?? {};
    if (element.type === 'bpmn:SequenceFlow') {
      const condition = behaviour.conditionExpression;
      // No language: an expression condition, which the engine's `expressions` evaluate.
      if (!condition?.language) return undefined;
      return this.sandboxed(element, condition.language, condition.body, 'condition');
    }
    if (behaviour.resource && !behaviour.script) {
      throw unsupported(`Script resource '${behaviour.resource}' of '${element.id}'`);
    }
    const kind = element.type === 'bpmn:ScriptTask' ? 'task' : 'condition';
    return this.sandboxed(element, behaviour.scriptFormat, behaviour.script, kind);
  }

  private sandboxed(
    element: ScriptedElement,
    format: string | undefined,
    source: string | undefined,
    kind: 'task' | 'condition',
  ): EngineScript {
    if (!isJavaScriptFormat(format)) {
      throw unsupported(`Script format '${format ?? ''}' of '${element.id}'`, 'only javascript');
    }
    if (!source?.trim()) throw unsupported(`The empty script of '${element.id}'`);
    const resultVariable =
      element.behaviour?.resultVariable ?? element.behaviour?.$attrs?.['camunda:resultVariable'];
    return {
      execute: (scope, callback) => {
        const outcome = this.execute(element.id, source, kind, resultVariable, scope);
        if (outcome instanceof Error) callback(outcome);
        else callback(null, outcome.output);
      },
    };
  }

  /** Runs the script and applies its variables; returns the failure instead of throwing it. */
  private execute(
    id: string,
    source: string,
    kind: 'task' | 'condition',
    resultVariable: string | undefined,
    scope: ScriptExecutionScope,
  ): { output: unknown } | ScriptError {
    try {
      const run = this.sandbox.run(source, { variables: this.scope(scope), name: id });
      if (kind === 'condition' && typeof run.result !== 'boolean') {
        throw new ScriptError('exception', `returned ${JSON.stringify(run.result)}, not a boolean`);
      }
      // A failed script sets nothing: variables are written only once it has succeeded.
      const target = scope.environment.variables;
      for (const [name, value] of Object.entries(run.variables)) target[name] = value;
      if (kind === 'task' && resultVariable) target[resultVariable] = run.result;
      return { output: run.result };
    } catch (error) {
      const what = kind === 'task' ? 'script while executing activity' : 'condition script of';
      const cause = error instanceof ScriptError ? error : undefined;
      const message = error instanceof Error ? error.message : String(error);
      return new ScriptError(
        cause?.kind ?? 'exception',
        `Unable to evaluate ${what} '${id}': ${message}`,
        cause?.scriptErrorName,
        cause?.scriptStack,
      );
    }
  }
}

function defaultScope(scope: ScriptExecutionScope): Record<string, unknown> {
  const variables = Object.fromEntries(
    Object.entries(scope.environment.variables).filter(([name]) => !ENGINE_KEYS.has(name)),
  );
  const content = scope.content ?? {};
  const loop =
    content.isMultiInstance && typeof content.index === 'number'
      ? { loopCounter: content.index }
      : {};
  const input = isRecord(content.input) ? content.input : {};
  return { ...variables, ...loop, ...input };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unsupported(what: string, instead = 'only inline javascript'): ScriptError {
  return new ScriptError('unsupported', `${what} is not supported: Conveyor runs ${instead}`);
}
