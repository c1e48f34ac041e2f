export * from './variable-types.js';
export { formatCamundaDate, parseCamundaDate } from './camunda-date.js';
export { FORBIDDEN_KEYS } from './json-safety.js';
export { assertVariableName, parseVariable, parseVariables } from './parse-variables.js';
export { inferVariable } from './infer-variable.js';
export { serializeVariable, toEngineValue, toEngineVariables } from './serialize-variable.js';
export type { SerializeOptions } from './serialize-variable.js';
