import { ConveyorError, ErrorCode } from '../../common/errors/conveyor-error.js';
import { parseVariables } from '../../common/variables/parse-variables.js';
import type { FormField } from './form-field.js';
import { FormValidationError, assertValidSubmission } from './form-validation.error.js';
import { validateFormSubmission } from './validate-form-submission.js';

/** A submission as the REST layer hands it over: parsed Camunda variables. */
function submit(variables: Record<string, unknown>) {
  const body = Object.fromEntries(Object.entries(variables).map(([k, value]) => [k, { value }]));
  return parseVariables(body, { maxValueBytes: 10_000 });
}

function field(
  id: string,
  type: FormField['type'],
  ...validation: FormField['validation']
): FormField {
  return { id, type, validation };
}

const required = { name: 'required' };
const readonly = { name: 'readonly' };

function messages(fields: FormField[], submitted: Record<string, unknown>, current = {}) {
  return validateFormSubmission(fields, submit(submitted), current).map((v) => v.message);
}

describe('validateFormSubmission', () => {
  describe('required', () => {
    const fields = [field('budget', 'long', required)];

    it('is satisfied by a submitted value', () => {
      expect(messages(fields, { budget: 5 })).toEqual([]);
    });

    it('is satisfied by a value already set on the task (merged semantics)', () => {
      expect(messages(fields, {}, { budget: 5 })).toEqual([]);
    });

    it('fails when neither submitted nor set', () => {
      expect(validateFormSubmission(fields, submit({}), {})).toEqual([
        { field: 'budget', message: "Field 'budget' is required" },
      ]);
    });

    it('fails when the submission clears the current value', () => {
      expect(messages(fields, { budget: null }, { budget: 5 })).toEqual([
        "Field 'budget' is required",
      ]);
      const text = [field('name', 'string', required)];
      expect(messages(text, { name: '' }, { name: 'Ada' })).toEqual(["Field 'name' is required"]);
    });

    it('is satisfied by false and 0', () => {
      expect(messages([field('ok', 'boolean', required)], { ok: false })).toEqual([]);
      expect(messages(fields, { budget: 0 })).toEqual([]);
    });

    it('is not satisfied by a default value nobody submitted', () => {
      const withDefault = [{ ...field('level', 'string', required), defaultValue: 'low' }];
      expect(messages(withDefault, {})).toEqual(["Field 'level' is required"]);
    });
  });

  describe('types', () => {
    it.each<[FormField['type'], unknown]>([
      ['string', 'text'],
      ['string', 12],
      ['long', 42],
      ['long', '42'],
      ['long', -9_007_199_254_740_991],
      ['boolean', true],
      ['boolean', 'false'],
      ['date', '22/11/2026'],
      ['date', '2026-11-22T10:00:00.000+0000'],
      ['date', '2026-11-22T10:00:00Z'],
      ['long', null],
    ])('accepts a %s field given %j', (type, value) => {
      expect(messages([field('f', type)], { f: value })).toEqual([]);
    });

    it('accepts a Date-typed variable for a date field', () => {
      const submitted = parseVariables(
        { due: { value: '2026-11-22T10:00:00.000+0100', type: 'Date' } },
        { maxValueBytes: 100 },
      );
      expect(validateFormSubmission([field('due', 'date')], submitted, {})).toEqual([]);
    });

    it.each<[FormField['type'], unknown, string]>([
      ['string', { a: 1 }, "Field 'f' must be text"],
      ['long', 1.5, "Field 'f' must be a whole number"],
      ['long', 'ten', "Field 'f' must be a whole number"],
      ['long', true, "Field 'f' must be a whole number"],
      ['boolean', 'yes', "Field 'f' must be true or false"],
      ['boolean', 1, "Field 'f' must be true or false"],
      ['date', '2026-11-22', "Field 'f' must be a date in the format dd/MM/yyyy"],
      ['date', '31/02/2026', "Field 'f' must be a date in the format dd/MM/yyyy"],
      ['date', 20261122, "Field 'f' must be a date in the format dd/MM/yyyy"],
    ])('rejects a %s field given %j', (type, value, message) => {
      expect(messages([field('f', type)], { f: value })).toEqual([message]);
    });

    it('uses the field’s own date pattern', () => {
      const due: FormField = { ...field('due', 'date'), datePattern: 'yyyy-MM-dd' };
      expect(messages([due], { due: '2026-11-22' })).toEqual([]);
      expect(messages([due], { due: '22/11/2026' })).toEqual([
        "Field 'due' must be a date in the format yyyy-MM-dd",
      ]);
    });

    it('checks enum values against the choices', () => {
      const level: FormField = {
        ...field('level', 'enum'),
        values: [{ id: 'low', name: 'Low' }, { id: 'high' }],
      };
      expect(messages([level], { level: 'high' })).toEqual([]);
      expect(messages([level], { level: 'Low' })).toEqual([
        "Field 'level' must be one of: low, high",
      ]);
      expect(messages([level], { level: 1 })).toEqual(["Field 'level' must be one of: low, high"]);
    });
  });

  describe('readonly', () => {
    const fields = [field('ref', 'long', readonly)];

    it('accepts a field left out or echoed back unchanged', () => {
      expect(messages(fields, {}, { ref: 7 })).toEqual([]);
      expect(messages(fields, { ref: 7 }, { ref: 7 })).toEqual([]);
      expect(messages(fields, { ref: '7' }, { ref: 7 })).toEqual([]);
    });

    it('compares with the default when the variable is not set', () => {
      const withDefault = [{ ...field('ref', 'long', readonly), defaultValue: '7' }];
      expect(messages(withDefault, { ref: 7 })).toEqual([]);
      expect(messages(withDefault, { ref: 8 })).toEqual(["Field 'ref' is read-only"]);
    });

    it('compares dates as instants', () => {
      const due = [field('due', 'date', readonly)];
      expect(messages(due, { due: '22/11/2026' }, { due: '2026-11-22T00:00:00.000Z' })).toEqual([]);
    });

    it('rejects a changed value', () => {
      expect(validateFormSubmission(fields, submit({ ref: 8 }), { ref: 7 })).toEqual([
        { field: 'ref', message: "Field 'ref' is read-only" },
      ]);
      expect(messages(fields, { ref: null }, { ref: 7 })).toEqual(["Field 'ref' is read-only"]);
    });
  });

  describe('lengths and ranges', () => {
    const name = field(
      'name',
      'string',
      { name: 'minlength', config: '3' },
      { name: 'maxlength', config: '5' },
    );
    const budget = field(
      'budget',
      'long',
      { name: 'min', config: '100000' },
      { name: 'max', config: '500000' },
    );

    it.each([
      [name, 'Ada', []],
      [name, 'Grace', []],
      [name, 'Al', ["Field 'name' must be at least 3 characters long"]],
      [name, 'Barbara', ["Field 'name' must be at most 5 characters long"]],
      [name, 'ééé', []], // characters, not bytes
      [budget, 100_000, []],
      [budget, '500000', []],
      [budget, 99_999, ["Field 'budget' must be at least 100000"]],
      [budget, 500_001, ["Field 'budget' must be at most 500000"]],
    ])('%j given %j', (formField, value, expected) => {
      expect(messages([formField], { [formField.id]: value })).toEqual(expected);
    });

    it('checks only submitted values', () => {
      expect(messages([budget], {}, { budget: 1 })).toEqual([]);
      expect(messages([budget], { budget: null })).toEqual([]);
    });

    it('reports a constraint whose config is not a number', () => {
      const broken = field('n', 'long', { name: 'min', config: 'lots' });
      expect(messages([broken], { n: 1 })).toEqual([
        "Field 'n' has an invalid min constraint 'lots'",
      ]);
    });
  });

  it('reports every violation of every field, and ignores unknown variables', () => {
    const fields = [
      field('budget', 'long', required, { name: 'min', config: '100000' }),
      field('name', 'string', required, { name: 'maxlength', config: '3' }),
      field('approved', 'boolean', required),
      field('note', 'string'),
    ];
    expect(messages(fields, { budget: 5, name: 'Grace', extra: { any: 'thing' } })).toEqual([
      "Field 'budget' must be at least 100000",
      "Field 'name' must be at most 3 characters long",
      "Field 'approved' is required",
    ]);
  });
});

describe('assertValidSubmission', () => {
  const fields = [
    field('budget', 'long', required),
    field('name', 'string', { name: 'minlength', config: '2' }),
  ];

  it('passes a valid submission', () => {
    expect(() =>
      assertValidSubmission(fields, submit({ budget: 1, name: 'Al' }), {}),
    ).not.toThrow();
  });

  it('throws one 400 naming each violated field, with the violations attached', () => {
    let error: unknown;
    try {
      assertValidSubmission(fields, submit({ name: 'A' }), {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormValidationError);
    expect(error).toBeInstanceOf(ConveyorError);
    const formError = error as FormValidationError;
    expect(formError.code).toBe(ErrorCode.InvalidRequest);
    expect(formError.message).toBe(
      "Invalid form submission: Field 'budget' is required; Field 'name' must be at least 2 characters long",
    );
    expect(formError.violations).toEqual([
      { field: 'budget', message: "Field 'budget' is required" },
      { field: 'name', message: "Field 'name' must be at least 2 characters long" },
    ]);
    expect(formError.details).toBe(formError.violations);
  });
});
