import type { ModdleElement } from 'bpmn-moddle';
import { createRequire } from 'node:module';
import type { BpmnProblem } from './bpmn-validation-error.js';

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

interface Reporter {
  report(id: string, message: string): void;
}
type Visit = (element: ModdleElement, reporter: Reporter) => boolean | void;
type RuleFactory = (config: object) => { check: Visit | { enter?: Visit; leave?: Visit } };
type Traverse = (
  element: ModdleElement,
  visitor: { enter?: (e: ModdleElement) => boolean | void; leave?: (e: ModdleElement) => void },
) => void;

// bpmnlint's own rule implementations and tree walker, run without its Linter class: the Linter
// requires the ESM-only min-dash from CommonJS, which Node 20.19+ allows but Jest (before Node
// 24.9) cannot load, so neither unit nor e2e tests could run it. The rules and traverse need only
// CommonJS. (bpmnlint's link-event rule needs min-dash too, hence link-event-checks.ts.)
const require = createRequire(import.meta.url);
const traverse = require('bpmnlint/lib/traverse') as Traverse;
const rules = EXECUTION_BREAKING_LINT_RULES.map((name) => ({
  name,
  check: (require(`bpmnlint/rules/${name}`) as RuleFactory)({}).check,
}));

/**
 * Runs the rules above over the whole document and returns their reports, keeping only those on
 * elements the predicate accepts (inside executable processes; documentation pools are ignored).
 */
export function lintForExecution(
  definitions: ModdleElement,
  concernsExecutable: (elementId: string) => boolean,
): BpmnProblem[] {
  const problems: BpmnProblem[] = [];
  for (const { name, check } of rules) {
    const reporter: Reporter = {
      report: (id, message) => {
        if (concernsExecutable(id))
          problems.push({ elementId: id, message: `${message} (bpmnlint ${name})` });
      },
    };
    const enter = typeof check === 'function' ? check : check.enter;
    const leave = typeof check === 'function' ? undefined : check.leave;
    traverse(definitions, {
      enter: enter && ((element) => enter(element, reporter)),
      leave: leave && ((element) => void leave(element, reporter)),
    });
  }
  return problems;
}
