import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event';
import fakeJoin from 'bpmnlint/rules/fake-join';
import labelRequired from 'bpmnlint/rules/label-required';
import linkEvent from 'bpmnlint/rules/link-event';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import { EXECUTION_BREAKING_LINT_RULES } from '../../../src/definitions/validation/execution-lint-rules.js';

type Rule = (config: object) => unknown;

/**
 * Live lint in the modeler (bpmn-js-bpmnlint), packed by hand for Vite as bpmnlint-pack-config
 * would: the rules the service refuses a deployment for are errors — the same list the service
 * uses, imported from it — so the analyst sees them before deploying; a few modelling-style rules
 * of bpmnlint's `recommended` set are warnings, as Camunda Modeler shows them.
 */
const RULES: Record<string, Rule> = {
  'start-event-required': startEventRequired,
  'single-blank-start-event': singleBlankStartEvent,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'event-based-gateway': eventBasedGateway,
  'single-event-definition': singleEventDefinition,
  'no-implicit-start': noImplicitStart,
  'link-event': linkEvent,
  'no-complex-gateway': noComplexGateway,
  'ad-hoc-sub-process': adHocSubProcess,
  'end-event-required': endEventRequired,
  'label-required': labelRequired,
  'no-disconnected': noDisconnected,
  'fake-join': fakeJoin,
  'superfluous-gateway': superfluousGateway,
};

/** Refused by the service too (link events and unsupported elements are checked there as well). */
const ERRORS = new Set<string>([
  ...EXECUTION_BREAKING_LINT_RULES,
  'link-event',
  'no-complex-gateway',
  'ad-hoc-sub-process',
]);

export const lintConfig = {
  config: {
    rules: Object.fromEntries(
      Object.keys(RULES).map((name) => [name, ERRORS.has(name) ? 'error' : 'warn']),
    ),
  },
  resolver: {
    resolveRule(pkg: string, ruleName: string): Rule {
      const rule = pkg === 'bpmnlint' ? RULES[ruleName] : undefined;
      if (!rule) throw new Error(`no lint rule ${pkg}/${ruleName}`);
      return rule;
    },
    resolveConfig(pkg: string, configName: string): never {
      throw new Error(`no lint config ${pkg}/${configName}`);
    },
  },
};
