import { readFileSync } from 'node:fs';
import { BpmnValidationError } from './bpmn-validation-error.js';
import { looksLikeExpression } from './expression-checks.js';
import { validateBpmn } from './validate-bpmn.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/expression-checks.${name}.bpmn`, import.meta.url));

/** Stands in for the expression parser: refuses a dangling operator. */
function checkExpression(text: string): void {
  if (/[+*/-]\s*}|[+*/-]\s*$/.test(text)) throw new Error('operand expected');
}

async function problemsOf(
  xml: Buffer,
  check?: (text: string) => void,
): Promise<BpmnValidationError['problems']> {
  const error: unknown = await validateBpmn(xml, {
    maxBytes: 1024 * 1024,
    checkExpression: check,
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof BpmnValidationError))
    throw new Error(`expected a BpmnValidationError, got ${String(error)}`);
  return error.problems;
}

describe('expression checks', () => {
  it('hands every expression to checkExpression and reports its errors by element id', async () => {
    // given
    const checked: string[] = [];

    // when
    const problems = await problemsOf(fixture('expressions'), (text) => {
      checked.push(text);
      checkExpression(text);
    });

    // then
    const invalid = (elementId: string, where: string, text: string): object => ({
      elementId,
      message: `invalid expression in ${where} "${text}": operand expected`,
    });
    expect(problems).toEqual([
      invalid('Review', 'camunda:assignee', '${owner +}'),
      invalid('Review', 'camunda:candidateGroups', '${groups *}'),
      invalid('Review', 'camunda:priority', '= 1 +'),
      invalid('Review', 'parameter "total"', '${price -}'),
      invalid('Each', 'completionCondition', '${done +}'),
      invalid('Each', 'camunda:collection', '${items /}'),
      invalid('Call', 'calledElement', '${target -}'),
      invalid('Call', 'camunda:in sourceExpression', '${amount *}'),
      invalid('Flow_Bad', 'conditionExpression', '${amount +}'),
      { elementId: 'Flow_Empty', message: 'the condition is empty' },
    ]);
    expect(checked).toEqual(
      expect.arrayContaining(['anna, ${deputy}', '${due}', '${count}', '= amount > 10']),
    );
    expect(checked).not.toContain('just text');
    expect(checked).not.toContain('2026-12-01T10:00:00Z');
  });

  it('still refuses empty conditions without a checkExpression', async () => {
    expect(await problemsOf(fixture('expressions'))).toEqual([
      { elementId: 'Flow_Empty', message: 'the condition is empty' },
    ]);
  });

  it.each([
    ['${a}', true],
    ['#{a}', true],
    ['x-${a}', true],
    [' = a + 1', true],
    ['a = b', false],
    ['sales', false],
  ])('%p looks like an expression: %p', (text, expected) => {
    expect(looksLikeExpression(text)).toBe(expected);
  });
});
