import { TimerEventDefinition } from 'bpmn-elements';
import { nextDueDate } from './timers/next-due-date.js';
import { parseTimerDefinition, type TimerKind } from './timers/timer-definition.js';

interface ParsedTimer {
  expireAt: Date | undefined;
  repeat: number | undefined;
  delay: number | undefined;
}

/**
 * bpmn-elements parses timer texts itself, with its own ISO 8601 reader: no cron cycles, no FEEL
 * dates, no limits. Its parser is a prototype method, replaced here (once, at load) by Conveyor's
 * own, so the engine and the job rows agree on every due date. `repeat` follows bpmn-elements'
 * convention: the remaining count, or -1 for an unbounded cycle.
 */
function parse(timerType: TimerKind, value: unknown): ParsedTimer {
  const now = new Date();
  if (value instanceof Date)
    return { expireAt: value, repeat: undefined, delay: value.getTime() - now.getTime() };
  const spec = parseTimerDefinition(timerType, String(value));
  const expireAt = nextDueDate(spec, now) ?? undefined;
  const repeat =
    spec.type === 'repeating' ? (spec.repetitions ?? -1) : spec.type === 'cron' ? -1 : undefined;
  return { expireAt, repeat, delay: expireAt ? expireAt.getTime() - now.getTime() : undefined };
}

(TimerEventDefinition as unknown as { prototype: { parse: typeof parse } }).prototype.parse = parse;
