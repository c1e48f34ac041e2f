import {
  formatDuration,
  parseApiDate,
  toApiDate,
} from '../../../web-modeler/src/cockpit/cockpit-format.js';
import { cockpitHash, parseCockpitRoute } from '../../../web-modeler/src/cockpit/cockpit-routes.js';
import {
  fieldVariable,
  initialInput,
  startFormFields,
  violationsByField,
} from '../../../web-modeler/src/cockpit/start-form-fields.js';

describe('dates and durations', () => {
  it('reads Camunda dates and writes them back', () => {
    const date = parseApiDate('2026-11-22T10:00:00.000+0300');
    expect(date?.toISOString()).toBe('2026-11-22T07:00:00.000Z');
    expect(toApiDate(new Date('2026-11-22T07:00:00.000Z'))).toBe('2026-11-22T07:00:00.000+0000');
    expect(parseApiDate(null)).toBeNull();
    expect(parseApiDate('soon')).toBeNull();
  });

  it('shows a duration as its largest unit and the next one, in the locale', () => {
    // The unit words come from the runtime's ICU data; the choice of units is what is ours.
    const unit = (count: number, name: string, locale = 'en-GB') =>
      new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(
        count,
      );
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000 + 7000, 'en-GB')).toBe(
      `${unit(2, 'hour')} ${unit(5, 'minute')}`,
    );
    expect(formatDuration(3 * 86_400_000 + 30_000, 'en-GB')).toBe(unit(3, 'day'));
    expect(formatDuration(450, 'en-GB')).toBe(unit(0, 'second'));
    expect(formatDuration(90_000, 'ru-RU')).toBe(
      `${unit(1, 'minute', 'ru-RU')} ${unit(30, 'second', 'ru-RU')}`,
    );
    expect(formatDuration(90_000, 'ru-RU')).toMatch(/^1 мин 30 с/);
    expect(formatDuration(null, 'en-GB')).toBe('');
  });
});

describe('cockpit routes', () => {
  it.each([
    ['#/cockpit', { view: 'definitions' }],
    ['#/cockpit/definition/order%3A1%3Ax', { view: 'definition', definitionId: 'order:1:x' }],
    ['#/cockpit/instances', { view: 'instances' }],
    ['#/cockpit/instances/order', { view: 'instances', definitionKey: 'order' }],
    ['#/cockpit/instance/abc', { view: 'instance', instanceId: 'abc' }],
    ['#/cockpit/overdue', { view: 'overdue' }],
    ['#/cockpit/start/order%3A1%3Ax', { view: 'start', definitionId: 'order:1:x' }],
  ] as const)('%s ⇄ its route', (hash, route) => {
    expect(parseCockpitRoute(hash)).toEqual(route);
    expect(cockpitHash(route)).toBe(hash);
  });

  it('leaves other screens alone and falls back to the dashboard', () => {
    expect(parseCockpitRoute('#/tasklist')).toBeNull();
    expect(parseCockpitRoute('#/cockpit/whatever')).toEqual({ view: 'definitions' });
    expect(parseCockpitRoute('#/cockpit/instance/')).toEqual({ view: 'instances' });
  });
});

describe('the start form', () => {
  const [customer, amount, express, due, kind] = startFormFields([
    {
      id: 'customer',
      label: 'Customer',
      type: 'string',
      values: [],
      constraints: [
        { name: 'required', config: null },
        { name: 'minlength', config: '2' },
      ],
    },
    { id: 'amount', label: null, type: 'long', values: [], constraints: [] },
    { id: 'express', label: 'Express', type: 'boolean', values: [], constraints: [] },
    {
      id: 'due',
      label: 'Due',
      type: 'date',
      values: [],
      constraints: [{ name: 'readonly', config: null }],
    },
    {
      id: 'kind',
      label: 'Kind',
      type: 'enum',
      values: [
        { id: 'a', name: 'Alpha' },
        { id: 'b', name: null },
      ],
      constraints: [],
    },
    { id: null, label: 'no id', type: 'string', values: [], constraints: [] },
  ]);

  it('reads fields with their labels, constraints and choices', () => {
    expect(customer).toMatchObject({
      id: 'customer',
      required: true,
      readonly: false,
      constraints: { minlength: '2' },
    });
    expect(amount).toMatchObject({ label: 'amount', type: 'long', required: false });
    expect(due.readonly).toBe(true);
    expect(kind.values).toEqual([
      { id: 'a', name: 'Alpha' },
      { id: 'b', name: 'b' },
    ]);
  });

  it('sends texts for the service to convert, leaves empty ones out', () => {
    expect(fieldVariable(customer, ' ООО ')).toEqual({ value: 'ООО', type: 'String' });
    expect(fieldVariable(amount, '')).toBeNull();
    expect(fieldVariable(amount, '250')).toEqual({ value: '250', type: 'String' });
    expect(fieldVariable(express, false)).toEqual({ value: false, type: 'Boolean' });
    expect(fieldVariable(due, '2026-11-22')).toEqual({
      value: new Date(2026, 10, 22).toISOString().replace('Z', '+0000'),
      type: 'String',
    });
  });

  it('fills inputs from the form variables', () => {
    expect(initialInput(amount, { value: 100, type: 'Long' })).toBe('100');
    expect(initialInput(express, { value: true, type: 'Boolean' })).toBe(true);
    expect(initialInput(customer, { value: null, type: 'String' })).toBe('');
    const local = new Date(2026, 10, 22, 12);
    expect(initialInput(due, { value: local.toISOString(), type: 'Date' })).toBe('2026-11-22');
  });

  it("puts the service's messages next to the fields they name", () => {
    const { byField, general } = violationsByField(
      "Invalid form submission: Field 'customer' is required; Field 'amount' must be a whole number; something else",
      ['customer', 'amount', 'express'],
    );
    expect(Object.fromEntries(byField)).toEqual({
      customer: ["Field 'customer' is required"],
      amount: ["Field 'amount' must be a whole number"],
    });
    expect(general).toEqual(['something else']);
  });
});
