import {
  checkForm,
  initialValue,
  inputOf,
  serverViolations,
  toTypedVariable,
  type FormField,
} from '../../web-modeler/src/forms/form-fields.js';

const field = (patch: Partial<FormField> & Pick<FormField, 'id' | 'type'>): FormField => ({
  validation: [],
  ...patch,
});
const required = [{ name: 'required' }];

describe('inputOf', () => {
  it('picks the input for each form field type with its marks and choices', () => {
    expect(inputOf(field({ id: 'a', type: 'string', validation: required }))).toEqual({
      kind: 'text',
      required: true,
      readonly: false,
      options: [],
    });
    expect(inputOf(field({ id: 'b', type: 'long' })).kind).toBe('number');
    expect(inputOf(field({ id: 'c', type: 'boolean' })).kind).toBe('checkbox');
    expect(inputOf(field({ id: 'd', type: 'date' })).kind).toBe('date');
    expect(inputOf(field({ id: 'e', type: 'date', datePattern: 'dd.MM.yyyy HH:mm' })).kind).toBe(
      'datetime',
    );
    expect(
      inputOf(
        field({
          id: 'f',
          type: 'enum',
          values: [{ id: 'low', name: 'Низкий' }, { id: 'high' }],
          validation: [{ name: 'readonly' }],
        }),
      ),
    ).toEqual({
      kind: 'select',
      required: false,
      readonly: true,
      options: [
        { id: 'low', label: 'Низкий' },
        { id: 'high', label: 'high' },
      ],
    });
  });
});

describe('initialValue', () => {
  it('shows form-variables values in the inputs', () => {
    expect(initialValue(field({ id: 'a', type: 'string' }), { value: 'x', type: 'String' })).toBe(
      'x',
    );
    expect(initialValue(field({ id: 'b', type: 'long' }), { value: 42, type: 'Long' })).toBe('42');
    expect(
      initialValue(field({ id: 'c', type: 'boolean' }), { value: true, type: 'Boolean' }),
    ).toBe(true);
    expect(initialValue(field({ id: 'c', type: 'boolean' }), undefined)).toBe(false);
    expect(
      initialValue(field({ id: 'd', type: 'date' }), {
        value: '2026-11-22T00:00:00.000+0000',
        type: 'Date',
      }),
    ).toBe('2026-11-22');
    expect(initialValue(field({ id: 'e', type: 'enum' }), { value: null, type: 'String' })).toBe(
      '',
    );
  });
});

describe('toTypedVariable', () => {
  it('types each value as the server stores the field', () => {
    expect(toTypedVariable(field({ id: 'a', type: 'string' }), 'Иван')).toEqual({
      ok: true,
      variable: { value: 'Иван', type: 'String' },
    });
    expect(toTypedVariable(field({ id: 'b', type: 'long' }), ' 1500 ')).toEqual({
      ok: true,
      variable: { value: 1500, type: 'Long' },
    });
    expect(toTypedVariable(field({ id: 'c', type: 'boolean' }), false)).toEqual({
      ok: true,
      variable: { value: false, type: 'Boolean' },
    });
    expect(toTypedVariable(field({ id: 'd', type: 'date' }), '2026-12-01')).toEqual({
      ok: true,
      variable: { value: '2026-12-01T00:00:00.000+0000', type: 'Date' },
    });
    expect(toTypedVariable(field({ id: 'e', type: 'enum' }), 'high')).toEqual({
      ok: true,
      variable: { value: 'high', type: 'String' },
    });
  });

  it('converts a date with a time from the local zone to a Camunda date', () => {
    const conversion = toTypedVariable(
      field({ id: 'e', type: 'date', datePattern: 'dd.MM.yyyy HH:mm' }),
      '2026-12-01T09:30',
    );
    expect(conversion).toEqual({
      ok: true,
      variable: {
        value: new Date(2026, 11, 1, 9, 30).toISOString().replace('Z', '+0000'),
        type: 'Date',
      },
    });
  });

  it('refuses what the client can tell is wrong', () => {
    expect(toTypedVariable(field({ id: 'a', type: 'string', validation: required }), '')).toEqual({
      ok: false,
      error: 'required',
    });
    expect(toTypedVariable(field({ id: 'b', type: 'long', validation: required }), '  ')).toEqual({
      ok: false,
      error: 'required',
    });
    expect(toTypedVariable(field({ id: 'b', type: 'long' }), '1.5')).toEqual({
      ok: false,
      error: 'wholeNumber',
    });
    expect(toTypedVariable(field({ id: 'b', type: 'long' }), '9007199254740993')).toEqual({
      ok: false,
      error: 'wholeNumber',
    });
    expect(toTypedVariable(field({ id: 'd', type: 'date' }), '01.12.2026')).toEqual({
      ok: false,
      error: 'date',
    });
  });

  it('sends an empty optional field as a typed null and leaves length rules to the server', () => {
    expect(toTypedVariable(field({ id: 'b', type: 'long' }), '')).toEqual({
      ok: true,
      variable: { value: null, type: 'Long' },
    });
    const short = field({
      id: 'a',
      type: 'string',
      validation: [{ name: 'minlength', config: '5' }],
    });
    expect(toTypedVariable(short, 'ab')).toEqual({
      ok: true,
      variable: { value: 'ab', type: 'String' },
    });
  });
});

describe('checkForm', () => {
  it('collects typed variables and errors per field, skipping read-only fields', () => {
    const fields = [
      field({ id: 'customer', type: 'string', validation: required }),
      field({ id: 'amount', type: 'long' }),
      field({ id: 'approved', type: 'boolean' }),
      field({ id: 'code', type: 'string', validation: [{ name: 'readonly' }] }),
    ];
    expect(checkForm(fields, { customer: '', amount: '12', approved: true, code: 'X' })).toEqual({
      variables: {
        amount: { value: 12, type: 'Long' },
        approved: { value: true, type: 'Boolean' },
      },
      errors: { customer: 'required' },
    });
  });
});

describe('serverViolations', () => {
  it("sorts the details of the server's 400 by the fields of the form", () => {
    const details = [
      { field: 'comment', message: "Field 'comment' must be at least 5 characters long" },
      { field: 'amount', message: "Field 'amount' must be at most 1000" },
      { field: 'amount', message: "Field 'amount' must be a whole number" },
      { field: 'other', message: "Field 'other' is required" },
    ];
    expect(serverViolations('Invalid form submission: …', details, ['comment', 'amount'])).toEqual({
      byField: {
        comment: ["Field 'comment' must be at least 5 characters long"],
        amount: ["Field 'amount' must be at most 1000", "Field 'amount' must be a whole number"],
      },
      other: ["Field 'other' is required"],
    });
  });

  it('passes a 400 without field details through whole', () => {
    for (const details of [undefined, [], [{ field: 1 }], { 'p.bpmn': {} }]) {
      expect(serverViolations('Cannot find task with id x', details, ['p'])).toEqual({
        byField: {},
        other: ['Cannot find task with id x'],
      });
    }
  });
});
