import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { calendarExpressionFunctions } from '../calendar/calendar-expression-functions.js';
import { evaluateExpression, type Resolver } from './expressions/index.js';

/** What bpmn-engine passes to `expressions.resolveExpression`: its environment and the element's message. */
interface EngineContext {
  environment?: { variables?: Record<string, unknown> };
  content?: Record<string, unknown> & { input?: Record<string, unknown> };
}

// Keys of an activity's message content that are bookkeeping, never multi-instance loop variables.
const CONTENT_KEYS = new Set([
  'id',
  'type',
  'name',
  'executionId',
  'state',
  'parent',
  'inbound',
  'outbound',
  'isRootScope',
  'isMultiInstance',
  'isSequential',
  'loopCardinality',
  'index',
  'input',
  'output',
  'camunda',
  'attachedTo',
  'isRecovered',
  'isResumed',
  'timerType',
  'expireAt',
  'startedAt',
  'timeout',
]);

/**
 * bpmn-engine's `expressions` option, backed by Conveyor's safe JUEL/FEEL evaluator. Names resolve
 * as in Camunda: local input parameters, multi-instance loop variables, then process variables;
 * `execution.getVariable(name)` and `now()` are there too, and with a calendar its functions
 * `addWorkingDays`, `addWorkingHours`, `endOfWorkingDay`.
 */
export function engineExpressions(now: () => Date, calendar?: BusinessCalendar) {
  const functions: Record<string, unknown> = calendar ? calendarExpressionFunctions(calendar) : {};
  return {
    resolveExpression(expression: string, context: EngineContext = {}): unknown {
      return evaluateExpression(expression, resolverFor(context, now, functions));
    },
    isExpression: (text: unknown) => typeof text === 'string' && /\$\{.+?\}|#\{.+?\}|^=/.test(text),
    hasExpression: (text: unknown) => typeof text === 'string' && /\$\{.+?\}|#\{.+?\}/.test(text),
  };
}

/** A multi-instance iteration's loop variables (loopCounter, nrOfInstances, the element variable). */
function loopVariablesOf(content: NonNullable<EngineContext['content']>): Record<string, unknown> {
  if (!content.isMultiInstance) return {};
  return {
    loopCounter: content.index,
    nrOfInstances: content.loopCardinality,
    ...Object.fromEntries(Object.entries(content).filter(([key]) => !CONTENT_KEYS.has(key))),
  };
}

/** An execution's local variables as Camunda sees them: its input parameters and loop variables. */
export function localVariablesOf(content: EngineContext['content'] = {}): Record<string, unknown> {
  return { ...loopVariablesOf(content), ...(content.input ?? {}) };
}

function resolverFor(
  context: EngineContext,
  now: () => Date,
  functions: Record<string, unknown>,
): Resolver {
  const variables = context.environment?.variables ?? {};
  const content = context.content ?? {};
  const loopVariables = loopVariablesOf(content);
  const execution = {
    getVariable: (name: unknown) => lookup(String(name)) ?? null,
    hasVariable: (name: unknown) => lookup(String(name)) !== undefined,
  };
  function lookup(name: string): unknown {
    if (content.input && Object.hasOwn(content.input, name)) return content.input[name];
    if (Object.hasOwn(loopVariables, name)) return loopVariables[name];
    if (Object.hasOwn(variables, name)) return variables[name];
    return undefined;
  }
  return (name) => {
    const value = lookup(name);
    if (value !== undefined) return { found: true, value };
    if (name === 'execution') return { found: true, value: execution };
    if (name === 'now') return { found: true, value: () => now() };
    if (name === 'environment') return { found: true, value: { variables } };
    if (name === 'content') return { found: true, value: content };
    if (Object.hasOwn(functions, name)) return { found: true, value: functions[name] };
    return { found: false };
  };
}
