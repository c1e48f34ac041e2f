import { camundaDate } from '../../../web-modeler/src/api/dates.js';
import { formatDuration, parseApiDate } from '../../../web-modeler/src/cockpit/cockpit-format.js';
import { cockpitHash, parseCockpitRoute } from '../../../web-modeler/src/cockpit/cockpit-routes.js';

describe('dates and durations', () => {
  it('reads Camunda dates and writes them back', () => {
    const date = parseApiDate('2026-11-22T10:00:00.000+0300');
    expect(date?.toISOString()).toBe('2026-11-22T07:00:00.000Z');
    expect(camundaDate(new Date('2026-11-22T07:00:00.000Z'))).toBe('2026-11-22T07:00:00.000+0000');
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
