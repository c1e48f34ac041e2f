import {
  addDuration,
  addMonthsUtc,
  daysInMonthUtc,
  durationToMillis,
} from './duration-arithmetic.js';
import { TimerDefinitionError } from './timer-definition-error.js';

const at = (iso: string): Date => new Date(iso);

describe('addDuration', () => {
  it.each([
    ['2026-01-31T10:00:00Z', 'P1M', '2026-02-28T10:00:00.000Z'],
    ['2024-01-31T10:00:00Z', 'P1M', '2024-02-29T10:00:00.000Z'],
    ['2026-03-31T00:00:00Z', 'P1M', '2026-04-30T00:00:00.000Z'],
    ['2024-02-29T12:00:00Z', 'P1Y', '2025-02-28T12:00:00.000Z'],
    ['2024-02-29T12:00:00Z', 'P4Y', '2028-02-29T12:00:00.000Z'],
    // java.time: years and months are added as one number of months, then days.
    ['2024-02-29T00:00:00Z', 'P1Y1M', '2025-03-29T00:00:00.000Z'],
    ['2026-01-31T00:00:00Z', 'P1M1D', '2026-03-01T00:00:00.000Z'],
    ['2026-12-15T00:00:00Z', 'P1M', '2027-01-15T00:00:00.000Z'],
    ['2026-01-01T00:00:00Z', 'PT36H', '2026-01-02T12:00:00.000Z'],
    ['2026-01-01T00:00:00Z', 'P400D', '2027-02-05T00:00:00.000Z'],
    ['2026-01-01T00:00:00Z', 'P2W', '2026-01-15T00:00:00.000Z'],
    ['2026-01-01T00:00:00Z', 'PT0.5S', '2026-01-01T00:00:00.500Z'],
    // A European DST change (2026-03-29): in UTC a day is still 24 hours.
    ['2026-03-28T12:00:00Z', 'P1D', '2026-03-29T12:00:00.000Z'],
  ])('%s + %s = %s', (start, duration, expected) => {
    expect(addDuration(at(start), duration).toISOString()).toBe(expected);
  });

  it('multiplies components so a monthly series stays anchored', () => {
    // given
    const start = at('2026-01-31T09:00:00Z');

    // when / then
    expect(addDuration(start, 'P1M', 2).toISOString()).toBe('2026-03-31T09:00:00.000Z');
    expect(addDuration(start, 'P1M', 3).toISOString()).toBe('2026-04-30T09:00:00.000Z');
    expect(addDuration(start, 'PT10H', 3).toISOString()).toBe('2026-02-01T15:00:00.000Z');
  });

  it('does not change its argument', () => {
    const start = at('2026-01-31T09:00:00Z');
    addDuration(start, 'P1M');
    expect(start.toISOString()).toBe('2026-01-31T09:00:00.000Z');
  });
});

describe('durationToMillis', () => {
  it('gives fixed durations exactly', () => {
    expect(durationToMillis('PT15M')).toBe(900_000);
    expect(durationToMillis('P1DT1S')).toBe(86_401_000);
  });

  it('needs a start date for years and months', () => {
    expect(() => durationToMillis('P1M')).toThrow(TimerDefinitionError);
    expect(durationToMillis('P1M', at('2026-02-01T00:00:00Z'))).toBe(28 * 86_400_000);
    expect(durationToMillis('P1Y', at('2024-01-01T00:00:00Z'))).toBe(366 * 86_400_000);
  });
});

describe('calendar helpers', () => {
  it('adds negative months too', () => {
    expect(addMonthsUtc(at('2026-03-31T00:00:00Z'), -1).toISOString()).toBe(
      '2026-02-28T00:00:00.000Z',
    );
  });

  it('knows Gregorian leap years', () => {
    expect(daysInMonthUtc(2000, 1)).toBe(29);
    expect(daysInMonthUtc(2100, 1)).toBe(28);
    expect(daysInMonthUtc(2024, 1)).toBe(29);
    expect(daysInMonthUtc(2026, 1)).toBe(28);
  });
});
