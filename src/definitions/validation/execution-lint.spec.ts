import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BpmnValidationError } from './bpmn-validation-error.js';
import { EXECUTION_BREAKING_LINT_RULES } from './execution-lint-rules.js';
import { validateBpmn } from './validate-bpmn.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/execution-lint.${name}.bpmn`, import.meta.url));

async function problemsOf(xml: Buffer): Promise<BpmnValidationError['problems']> {
  const error: unknown = await validateBpmn(xml, { maxBytes: 1024 * 1024 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof BpmnValidationError))
    throw new Error(`expected a BpmnValidationError, got ${String(error)}`);
  return error.problems;
}

describe('execution lint', () => {
  it('reports the execution-breaking bpmnlint rules and the link check, in executable processes only', async () => {
    expect(await problemsOf(fixture('lint-errors'))).toEqual([
      {
        elementId: 'Events_Sub',
        message:
          'event sub-processes are not supported; use a boundary event on an embedded sub-process',
      },
      { elementId: 'Link_Unnamed', message: 'Link event is missing link name' },
      {
        elementId: 'Link_Throw',
        message: 'Link catch event with link name <nowhere> missing in scope',
      },
      {
        elementId: 'Link_Catch_1',
        message: 'Duplicate link catch event with link name <twice> in scope',
      },
      {
        elementId: 'Link_Catch_2',
        message: 'Duplicate link catch event with link name <twice> in scope',
      },
      {
        elementId: 'Link_Lonely_Catch',
        message: 'Link throw event with link name <lonely> missing in scope',
      },
      {
        elementId: 'lint-b',
        message: 'Process is missing start event (bpmnlint start-event-required)',
      },
      {
        elementId: 'lint-a',
        message: 'Process has multiple blank start events (bpmnlint single-blank-start-event)',
      },
      {
        elementId: 'Sub_Start',
        message: 'Start event must be blank (bpmnlint sub-process-blank-start-event)',
      },
      {
        elementId: 'Events_Sub_Start',
        message:
          'Start event is missing event definition (bpmnlint event-sub-process-typed-start-event)',
      },
      {
        elementId: 'Gateway_Events',
        message:
          'An <Event-based Gateway> must have at least 2 outgoing <Sequence Flows> (bpmnlint event-based-gateway)',
      },
      {
        elementId: 'Catch_Twice',
        message: 'Event has multiple event definitions (bpmnlint single-event-definition)',
      },
      // A throw event nothing leads to: bpmn-engine would fire it when the process starts.
      {
        elementId: 'Link_Unnamed',
        message: 'Element is an implicit start (bpmnlint no-implicit-start)',
      },
      { elementId: 'Orphan', message: 'Element is an implicit start (bpmnlint no-implicit-start)' },
      {
        elementId: 'Lonely_End',
        message: 'Element is an implicit start (bpmnlint no-implicit-start)',
      },
    ]);
  });

  it('uses only rules that bpmnlint:recommended treats as errors', () => {
    // given
    const recommended = createRequire(import.meta.url)('bpmnlint/config/recommended') as {
      rules: Record<string, string>;
    };

    // then
    for (const rule of [...EXECUTION_BREAKING_LINT_RULES, 'link-event'])
      expect(recommended.rules[rule]).toBe('error');
  });
});
