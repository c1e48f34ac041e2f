import { isTimerExpression, parseTimerDefinition } from './timer-definition.js';
import { TimerDefinitionError } from './timer-definition-error.js';

describe('parseTimerDefinition', () => {
  it('parses a timeDuration', () => {
    expect(parseTimerDefinition('timeDuration', ' PT15M ')).toMatchObject({
      type: 'duration',
      kind: 'timeDuration',
      text: 'PT15M',
      duration: { minutes: 15 },
    });
  });

  it.each([
    ['2026-12-01T10:00:00Z', '2026-12-01T10:00:00.000Z'],
    ['2026-12-01T10:00:00+01:00', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T10:00:00', '2026-12-01T10:00:00.000Z'],
  ])('parses a timeDate %s', (text, expected) => {
    const spec = parseTimerDefinition('timeDate', text);
    expect(spec.type === 'date' && spec.date.toISOString()).toBe(expected);
  });

  it.each([
    ['R3/PT10H', { repetitions: 3, interval: { hours: 10 } }],
    ['R/PT1H', { repetitions: null, interval: { hours: 1 } }],
    ['R/P1D', { repetitions: null, interval: { days: 1 } }],
    [
      'R5/2026-01-01T09:00:00Z/P1D',
      { repetitions: 5, interval: { days: 1 }, start: new Date('2026-01-01T09:00:00Z') },
    ],
    [
      'R/P1D/2027-01-01T00:00:00Z',
      { repetitions: null, interval: { days: 1 }, end: new Date('2027-01-01T00:00:00Z') },
    ],
    // Camunda reads a cycle without R as a single firing.
    ['PT1H', { repetitions: 1, interval: { hours: 1 } }],
    ['r2/p1m', { repetitions: 2, interval: { months: 1 } }],
  ])('parses a timeCycle %s', (text, expected) => {
    expect(parseTimerDefinition('timeCycle', text)).toMatchObject({
      type: 'repeating',
      kind: 'timeCycle',
      ...expected,
    });
  });

  it('parses a cron timeCycle', () => {
    const spec = parseTimerDefinition('timeCycle', '0 0 9 ? * MON-FRI');
    expect(spec.type).toBe('cron');
  });

  it.each([
    ['timeDuration', 'P', /Invalid duration "P"/],
    ['timeDuration', 'PT', /Invalid duration "PT"/],
    ['timeDuration', '7 days', /Invalid duration "7 days"/],
    ['timeDuration', 'P-1D', /Negative duration/],
    ['timeDuration', 'P999999Y', /longer than 100 years/],
    ['timeDuration', '', /timeDuration is empty/],
    ['timeDuration', '2026-12-01T10:00:00Z', /Invalid duration/],
    ['timeDate', 'PT15M', /Invalid date/],
    ['timeDate', 'next monday', /Invalid date/],
    ['timeCycle', 'R0/PT1H', /repeats 0 times/],
    ['timeCycle', 'R3/PT0S', /repeats more often than every 1000 ms/],
    ['timeCycle', 'R/PT0.5S', /repeats more often/],
    ['timeCycle', 'R3', /Invalid timeCycle/],
    ['timeCycle', 'R3/PT1H/PT2H', /start\/duration or duration\/end/],
    ['timeCycle', 'R3/2026-01-01T00:00:00Z/2026-02-01T00:00:00Z', /start\/end is not supported/],
    ['timeCycle', 'R3/PT1H/2026/extra', /Invalid timeCycle/],
    ['timeCycle', 'R-1/PT1H', /not a repetition count/],
    ['timeCycle', 'R/P101Y', /longer than 100 years/],
    ['timeCycle', '0 0 9 L * ?', /L, W and # are not supported/],
    ['timeCycle', `R/${'P'.repeat(300)}`, /longer than 256 characters/],
  ] as const)('refuses %s %p', (kind, text, message) => {
    expect(() => parseTimerDefinition(kind, text)).toThrow(TimerDefinitionError);
    expect(() => parseTimerDefinition(kind, text)).toThrow(message);
  });

  it('refuses to parse an expression: the engine evaluates it first', () => {
    expect(() => parseTimerDefinition('timeDuration', '${reminder}')).toThrow(/is an expression/);
  });
});

describe('isTimerExpression', () => {
  it.each([
    ['${reminderDelay}', true],
    ['P${days}D', true],
    ['#{delay}', true],
    ['=duration("P1D")', true],
    ['  = delay', true],
    ['PT15M', false],
    ['R3/PT10H', false],
    ['0 0 9 * * ?', false],
  ])('%p → %p', (text, expected) => {
    expect(isTimerExpression(text)).toBe(expected);
  });
});
