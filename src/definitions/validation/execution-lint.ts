import type { ModdleElement } from 'bpmn-moddle';
import { createRequire } from 'node:module';
import type { BpmnProblem } from './bpmn-validation-error.js';
import { EXECUTION_BREAKING_LINT_RULES } from './execution-lint-rules.js';

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
