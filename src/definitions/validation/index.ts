export {
  BpmnValidationError,
  problemsInResponse,
  type BpmnProblem,
} from './bpmn-validation-error.js';
export type { ExecutableProcess, ProcessStartEvent } from './executable-processes.js';
export { EXECUTION_BREAKING_LINT_RULES } from './execution-lint-rules.js';
export { MAX_ATTRIBUTE_LENGTH, MAX_NESTING_DEPTH } from './raw-bpmn-guards.js';
export { SUPPORTED_ELEMENT_TYPES, SUPPORTED_EVENT_DEFINITIONS } from './supported-elements.js';
export { SUPPORTED_SCRIPT_FORMATS } from './task-implementation-checks.js';
export { validateBpmn, type ValidateBpmnOptions, type ValidatedBpmn } from './validate-bpmn.js';
