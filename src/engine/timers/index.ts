export { type CronSchedule, nextCronDate, parseCronSchedule } from './cron-schedule.js';
export { addDuration, durationToMillis } from './duration-arithmetic.js';
export { parseIsoDateTime } from './iso-date-time.js';
export { type IsoDuration, parseIsoDuration } from './iso-duration.js';
export { nextDueDate } from './next-due-date.js';
export {
  type CronTimerSpec,
  type DateTimerSpec,
  type DurationTimerSpec,
  type RepeatingTimerSpec,
  type TimerKind,
  type TimerSpec,
  isTimerExpression,
  parseTimerDefinition,
} from './timer-definition.js';
export { TimerDefinitionError } from './timer-definition-error.js';
export {
  LATEST_DUE_DATE,
  MAX_TIMER_HORIZON_YEARS,
  MAX_TIMER_TEXT_LENGTH,
  MIN_CYCLE_INTERVAL_MILLIS,
} from './timer-limits.js';
