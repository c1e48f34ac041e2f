import { approximateDurationMillis, isCalendarDuration, parseIsoDuration } from './iso-duration.js';
import { TimerDefinitionError } from './timer-definition-error.js';

describe('parseIsoDuration', () => {
  it.each([
    ['PT15M', { minutes: 15 }],
    ['P7D', { days: 7 }],
    ['P30D', { days: 30 }],
    ['P400D', { days: 400 }],
    ['P1Y2M', { years: 1, months: 2 }],
    ['PT36H', { hours: 36 }],
    ['P2W', { weeks: 2 }],
    [
      'P1Y2M3W4DT5H6M7S',
      { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 },
    ],
    ['PT1.5S', { seconds: 1, milliseconds: 500 }],
    ['PT0,25S', { milliseconds: 250 }],
    ['PT0.123456789S', { milliseconds: 123 }],
    ['PT0S', {}],
    [' pt15m ', { minutes: 15 }],
    ['P100Y', { years: 100 }],
  ])('parses %s', (text, expected) => {
    // when
    const duration = parseIsoDuration(text);

    // then
    expect(duration).toEqual({
      years: 0,
      months: 0,
      weeks: 0,
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 0,
      milliseconds: 0,
      ...expected,
    });
  });

  it.each([
    'P',
    'PT',
    'P1DT',
    '7 days',
    '',
    'P1H',
    'PT1D',
    'P1.5D',
    'PT1.5H',
    'P1M1Y',
    '1D',
    'P 1D',
    'PT15M garbage',
  ])('refuses malformed %p', (text) => {
    expect(() => parseIsoDuration(text)).toThrow(/Invalid duration/);
  });

  it.each(['P-1D', '-P1D', 'PT-5M'])('refuses negative %p', (text) => {
    expect(() => parseIsoDuration(text)).toThrow(/Negative duration/);
  });

  it.each(['P999999Y', 'P101Y', 'P36525D', 'P1201M', 'PT99999999999999999999999S'])(
    'refuses absurd %p',
    (text) => {
      expect(() => parseIsoDuration(text)).toThrow(/longer than 100 years/);
    },
  );

  it('refuses very long text before matching it', () => {
    expect(() => parseIsoDuration(`P${'1'.repeat(10_000)}D`)).toThrow(TimerDefinitionError);
  });

  it('tells calendar durations apart', () => {
    expect(isCalendarDuration(parseIsoDuration('P1M'))).toBe(true);
    expect(isCalendarDuration(parseIsoDuration('P1Y'))).toBe(true);
    expect(isCalendarDuration(parseIsoDuration('P400D'))).toBe(false);
  });

  it('approximates for limit checks only', () => {
    expect(approximateDurationMillis(parseIsoDuration('PT1H'))).toBe(3_600_000);
    expect(approximateDurationMillis(parseIsoDuration('P1Y'))).toBe(365.2425 * 86_400_000);
  });
});
