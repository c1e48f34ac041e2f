// No imports: the web app's modeler reads this list too, so it lints exactly what deploy refuses.
/**
 * The bpmnlint `recommended` rules whose violations break execution (in bpmn-engine, in Camunda
 * 7, or both), reported as errors. Everything else in `recommended` is modelling style and stays
 * out, so a diagram that Camunda 7 deploys is not refused for taste:
 * - label-required, no-bpmndi, superfluous-*, fake-join, no-gateway-join-fork, global: style;
 * - end-event-required, no-implicit-end: a token without outgoing flow simply ends, in both engines;
 * - no-implicit-split, conditional-flows: legal BPMN semantics (unconditional flows are taken);
 * - no-disconnected: its harmful case (no incoming flow) is no-implicit-start; the rest would
 *   refuse e.g. a boundary event without outgoing flow, which legitimately cancels the task;
 * - no-duplicate-sequence-flows: runs the same way in Camunda 7, which deploys it;
 * - no-complex-gateway, ad-hoc-sub-process, conditional events: refused as unsupported elements;
 * - link-event: execution-breaking too, but checked in link-event-checks.ts (see below).
 */
export const EXECUTION_BREAKING_LINT_RULES = [
  // Nothing to start: the process cannot be instantiated.
  'start-event-required',
  // Several none start events: bpmn-engine starts them all; Camunda 7 refuses to deploy.
  'single-blank-start-event',
  // An embedded sub-process must start with a none start event (Camunda 7 refuses otherwise).
  'sub-process-blank-start-event',
  // An event sub-process needs a typed start event or it can never trigger.
  'event-sub-process-typed-start-event',
  // An event-based gateway with < 2 outgoing flows or with conditions cannot decide.
  'event-based-gateway',
  // Several event definitions on one event: our subscriptions and jobs assume one.
  'single-event-definition',
  // bpmn-engine starts every element without incoming flow when the process starts; Camunda 7
  // never reaches it. Refusing it keeps the two from silently disagreeing.
  'no-implicit-start',
] as const;
