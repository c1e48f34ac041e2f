import { parseVariables } from '../../common/variables/parse-variables.js';
import type { FormField } from './form-field.js';
import { normalizeFormSubmission } from './form-value-coercion.js';
import { defaultValueOf, formVariables } from './form-variables.js';

const fields: FormField[] = [
  { id: 'name', type: 'string', validation: [] },
  { id: 'budget', type: 'long', defaultValue: '100000', validation: [] },
  { id: 'approved', type: 'boolean', defaultValue: 'false', validation: [] },
  { id: 'due', type: 'date', defaultValue: '01/12/2026', validation: [] },
  { id: 'level', type: 'enum', defaultValue: 'low', values: [{ id: 'low' }], validation: [] },
];

describe('formVariables', () => {
  it('returns defaults typed after each field when nothing is set', () => {
    expect(formVariables(fields, {})).toEqual({
      name: { value: null, type: 'String', valueInfo: {} },
      budget: { value: 100000, type: 'Long', valueInfo: {} },
      approved: { value: false, type: 'Boolean', valueInfo: {} },
      due: { value: '2026-12-01T00:00:00.000+0000', type: 'Date', valueInfo: {} },
      level: { value: 'low', type: 'String', valueInfo: {} },
    });
  });

  it('prefers current values over defaults', () => {
    const current = {
      name: 'Ada',
      budget: 250_000,
      approved: true,
      due: '2026-11-22T10:00:00.000Z',
      level: 'low',
      unrelated: 1,
    };
    expect(formVariables(fields, current)).toEqual({
      name: { value: 'Ada', type: 'String', valueInfo: {} },
      budget: { value: 250000, type: 'Long', valueInfo: {} },
      approved: { value: true, type: 'Boolean', valueInfo: {} },
      due: { value: '2026-11-22T10:00:00.000+0000', type: 'Date', valueInfo: {} },
      level: { value: 'low', type: 'String', valueInfo: {} },
    });
  });

  it('keeps a current value that does not fit the field with its own type', () => {
    expect(formVariables([fields[1]], { budget: 'a lot' })).toEqual({
      budget: { value: 'a lot', type: 'String', valueInfo: {} },
    });
  });

  it('resolves expression defaults when given an evaluator', () => {
    const owner: FormField = {
      id: 'owner',
      type: 'string',
      defaultValue: '${initiator}',
      validation: [],
    };
    expect(formVariables([owner], {}).owner.value).toBe('${initiator}');
    const resolveDefault = (expression: string) => (expression === '${initiator}' ? 'ada' : null);
    expect(formVariables([owner], {}, { resolveDefault }).owner.value).toBe('ada');
    expect(defaultValueOf(owner, { resolveDefault })).toBe('ada');
  });

  it('gives engine values for defaults', () => {
    expect(defaultValueOf(fields[1])).toBe(100000);
    expect(defaultValueOf(fields[3])).toBe('2026-12-01T00:00:00.000Z');
    expect(defaultValueOf(fields[0])).toBeUndefined();
  });
});

describe('normalizeFormSubmission', () => {
  it('stores each field with its form type and leaves other variables alone', () => {
    const submitted = parseVariables(
      {
        budget: { value: '120000' },
        approved: { value: 'true' },
        due: { value: '22/11/2026', valueInfo: { transient: true } },
        extra: { value: '5' },
        broken: { value: 'x' },
      },
      { maxValueBytes: 1_000 },
    );
    const normalized = normalizeFormSubmission(fields, submitted);
    expect(Object.fromEntries(normalized)).toEqual({
      budget: { type: 'Long', value: 120000 },
      approved: { type: 'Boolean', value: true },
      due: { type: 'Date', value: '2026-11-22T00:00:00.000Z', valueInfo: { transient: true } },
      extra: { type: 'String', value: '5' },
      broken: { type: 'String', value: 'x' },
    });
  });
});
