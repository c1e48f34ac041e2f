import { readFileSync } from 'node:fs';
import { BpmnValidationError } from './bpmn-validation-error.js';
import { validateBpmn } from './validate-bpmn.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/timer-checks.${name}.bpmn`, import.meta.url));

/** Stands in for the expression parser: refuses a dangling operator. */
function checkExpression(text: string): void {
  if (/[+*/-]\s*}/.test(text)) throw new Error('syntax error: operand expected');
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

describe('timer checks', () => {
  it('parses every timer, hands expressions to checkExpression, and refuses the rest by id', async () => {
    // given
    const checked: string[] = [];

    // when
    const problems = await problemsOf(fixture('timers'), (text) => {
      checked.push(text);
      checkExpression(text);
    });

    // then
    expect(problems).toEqual([
      {
        elementId: 'Nothing',
        message: 'a timer needs exactly one of timeDuration, timeDate or timeCycle (found 0)',
      },
      {
        elementId: 'Both',
        message: 'a timer needs exactly one of timeDuration, timeDate or timeCycle (found 2)',
      },
      { elementId: 'Empty', message: "the timer's timeDuration is empty" },
      { elementId: 'JustP', message: expect.stringContaining('Invalid duration "P"') },
      { elementId: 'Words', message: expect.stringContaining('Invalid duration "7 days"') },
      { elementId: 'Negative', message: 'Negative duration "P-1D" is not allowed' },
      {
        elementId: 'Absurd',
        message: 'Duration "P999999Y" is longer than 100 years; such timers are refused',
      },
      { elementId: 'BadDate', message: expect.stringContaining('Invalid date "next monday"') },
      {
        elementId: 'NeverCycle',
        message: 'timeCycle "R0/PT1H" repeats 0 times: it would never fire',
      },
      { elementId: 'QuartzL', message: expect.stringContaining('L, W and # are not supported') },
      {
        elementId: 'BadExpression',
        message: 'invalid timeDuration expression "${delay +}": syntax error: operand expected',
      },
    ]);
    expect(checked).toEqual(['${reminderDelay}', '= now() + duration("P1D")', '${delay +}']);
  });

  it('accepts timer expressions unchecked when no checkExpression is given', async () => {
    const problems = await problemsOf(fixture('timers'));
    expect(problems.map((p) => p.elementId)).not.toContain('BadExpression');
  });
});
