import { readFileSync } from 'node:fs';
import { BpmnValidationError } from './bpmn-validation-error.js';
import {
  MAX_ATTRIBUTE_LENGTH,
  MAX_NESTING_DEPTH,
  decodeWithinLimit,
  findDtdProblem,
  findStructureProblem,
} from './raw-bpmn-guards.js';
import { validateBpmn } from './validate-bpmn.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/raw-bpmn-guards.${name}.bpmn`, import.meta.url));
const options = { maxBytes: 10 * 1024 * 1024 };

async function problemsOf(
  xml: string | Buffer,
  maxBytes = options.maxBytes,
): Promise<BpmnValidationError['problems']> {
  const error: unknown = await validateBpmn(xml, { maxBytes }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof BpmnValidationError))
    throw new Error(`expected a BpmnValidationError, got ${String(error)}`);
  return error.problems;
}

const BPMN_OPEN =
  '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="p" isExecutable="true">';
const BPMN_CLOSE = '</bpmn:process></bpmn:definitions>';

/** A ~5 MB document of nested documentation elements: deep enough to exhaust a recursive parser. */
function deeplyNested(bytes: number): string {
  const open = '<bpmn:documentation>';
  const close = '</bpmn:documentation>';
  const levels = Math.floor(bytes / (open.length + close.length));
  return `${BPMN_OPEN}${open.repeat(levels)}${close.repeat(levels)}${BPMN_CLOSE}`;
}

describe('raw BPMN guards (before parsing)', () => {
  it('let a well-formed diagram with comments, CDATA and escaped markup through', async () => {
    await expect(validateBpmn(fixture('valid-process'), options)).resolves.toMatchObject({
      processes: [{ id: 'guarded', name: 'a > b & c' }],
    });
  });

  it('refuse a document over maxBytes', async () => {
    // given
    const xml = fixture('valid-process');

    // when / then
    expect(await problemsOf(xml, 100)).toEqual([
      { message: `The BPMN document is ${xml.length} bytes; the limit is 100 bytes` },
    ]);
  });

  it('count bytes, not characters, in a string', () => {
    expect(decodeWithinLimit('ü'.repeat(60), 100)).toEqual({
      message: 'The BPMN document is 120 bytes; the limit is 100 bytes',
    });
  });

  it('refuse a buffer that is not UTF-8', async () => {
    expect(await problemsOf(Buffer.from([0x3c, 0xff, 0xfe, 0x3e]))).toEqual([
      { message: 'The BPMN document is not valid UTF-8' },
    ]);
  });

  it('drop a byte order mark', async () => {
    // given
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('valid-process')]);

    // when / then
    await expect(validateBpmn(withBom, options)).resolves.toBeDefined();
    await expect(
      validateBpmn(`\uFEFF${withBom.subarray(3).toString('utf8')}`, options),
    ).resolves.toBeDefined();
  });

  it.each(['billion-laughs', 'xxe'])(
    'refuse DOCTYPE and ENTITY declarations (%s)',
    async (name) => {
      expect(await problemsOf(fixture(name))).toEqual([
        { message: 'DOCTYPE and ENTITY declarations are not allowed in BPMN documents' },
      ]);
    },
  );

  it.each([
    '<!DOCTYPE x>',
    '<!doctype x>',
    '<!ENTITY a "b">',
    '<! EnTiTy a "b">',
    'text <!DocType',
  ])('find %p anywhere', (snippet) => {
    expect(findDtdProblem(`${BPMN_OPEN}${snippet}${BPMN_CLOSE}`)).toBeDefined();
  });

  it('refuse a 5 MB deeply nested document', async () => {
    // given
    const xml = deeplyNested(5 * 1024 * 1024);

    // when / then
    expect(xml.length).toBeGreaterThan(5_000_000);
    expect(await problemsOf(xml)).toEqual([
      { message: `Elements are nested more than ${MAX_NESTING_DEPTH} levels deep` },
    ]);
  });

  it('allow nesting up to the limit', () => {
    const open = '<a>'.repeat(MAX_NESTING_DEPTH);
    const close = '</a>'.repeat(MAX_NESTING_DEPTH);
    expect(findStructureProblem(`${open}<b/><!-- <c><c><c> --><?pi <d>?>${close}`)).toBeUndefined();
    expect(findStructureProblem(`${open}<a>${close}</a>`)).toBeDefined();
  });

  it('do not count self-closing elements, closing tags or > inside attribute values', () => {
    const siblings = '<a x="1 > 0" y=\'<\'/>'.repeat(10_000);
    expect(findStructureProblem(`<r>${siblings}${'<b></b>'.repeat(10_000)}</r>`)).toBeUndefined();
  });

  it('refuse a huge attribute value', async () => {
    // given
    const xml = `${BPMN_OPEN.replace('id="p"', `id="p" name="${'x'.repeat(MAX_ATTRIBUTE_LENGTH + 1)}"`)}${BPMN_CLOSE}`;

    // when / then
    expect(await problemsOf(xml)).toEqual([
      { message: `An attribute value is longer than ${MAX_ATTRIBUTE_LENGTH} characters` },
    ]);
    expect(findStructureProblem(`<a b='${'x'.repeat(MAX_ATTRIBUTE_LENGTH)}'/>`)).toBeUndefined();
  });

  it('leave unterminated markup to the parser', async () => {
    expect(findStructureProblem('<a b="unterminated')).toBeUndefined();
    expect(await problemsOf(`${BPMN_OPEN}<bpmn:task id="t" name="oops`)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^Malformed XML/) }),
    ]);
  });
});
