import { nextDueDate } from './next-due-date.js';
import { parseTimerDefinition, type TimerKind } from './timer-definition.js';
import { TimerDefinitionError } from './timer-definition-error.js';

const due = (kind: TimerKind, text: string, from: string, fired = 0): string | null =>
  nextDueDate(parseTimerDefinition(kind, text), new Date(from), fired)?.toISOString() ?? null;

describe('nextDueDate', () => {
  describe('timeDuration', () => {
    it.each([
      ['PT15M', '2026-01-01T10:00:00Z', '2026-01-01T10:15:00.000Z'],
      ['P30D', '2026-01-15T00:00:00Z', '2026-02-14T00:00:00.000Z'],
      ['P1M', '2026-01-31T12:00:00Z', '2026-02-28T12:00:00.000Z'],
      ['P1M', '2028-01-31T12:00:00Z', '2028-02-29T12:00:00.000Z'],
      ['P1Y2M', '2026-12-31T00:00:00Z', '2028-02-29T00:00:00.000Z'],
      ['PT36H', '2026-03-28T12:00:00Z', '2026-03-30T00:00:00.000Z'],
    ])('%s from %s is %s', (text, from, expected) => {
      expect(due('timeDuration', text, from)).toBe(expected);
    });

    it('fires once', () => {
      expect(due('timeDuration', 'PT15M', '2026-01-01T10:00:00Z', 1)).toBeNull();
    });

    it('refuses a due date after the year 9999', () => {
      expect(() => due('timeDuration', 'P2Y', '9999-01-01T00:00:00Z')).toThrow(
        TimerDefinitionError,
      );
    });
  });

  describe('timeDate', () => {
    it('is the date itself, also when already past (overdue)', () => {
      expect(due('timeDate', '2026-12-01T10:00:00Z', '2026-01-01T00:00:00Z')).toBe(
        '2026-12-01T10:00:00.000Z',
      );
      expect(due('timeDate', '2020-12-01T10:00:00Z', '2026-01-01T00:00:00Z')).toBe(
        '2020-12-01T10:00:00.000Z',
      );
      expect(due('timeDate', '2026-12-01T10:00:00Z', '2026-01-01T00:00:00Z', 1)).toBeNull();
    });

    it('refuses a date more than 100 years ahead', () => {
      expect(() => due('timeDate', '2200-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toThrow(
        /more than 100 years/,
      );
    });
  });

  describe('timeCycle as a repeating interval', () => {
    it('R3/PT10H fires three times, chained from the previous due date', () => {
      // given
      const spec = parseTimerDefinition('timeCycle', 'R3/PT10H');
      const first = nextDueDate(spec, new Date('2026-01-01T00:00:00Z'), 0);

      // when
      const second = first && nextDueDate(spec, first, 1);
      const third = second && nextDueDate(spec, second, 2);

      // then
      expect([first, second, third].map((d) => d?.toISOString())).toEqual([
        '2026-01-01T10:00:00.000Z',
        '2026-01-01T20:00:00.000Z',
        '2026-01-02T06:00:00.000Z',
      ]);
      expect(third && nextDueDate(spec, third, 3)).toBeNull();
    });

    it('R/PT1H never runs out', () => {
      expect(due('timeCycle', 'R/PT1H', '2026-01-01T00:00:00Z', 1_000_000)).toBe(
        '2026-01-01T01:00:00.000Z',
      );
    });

    it('a cycle without R fires once', () => {
      expect(due('timeCycle', 'PT1H', '2026-01-01T00:00:00Z')).toBe('2026-01-01T01:00:00.000Z');
      expect(due('timeCycle', 'PT1H', '2026-01-01T01:00:00Z', 1)).toBeNull();
    });

    it('a start-anchored series fires at the start, then every interval', () => {
      const text = 'R5/2026-01-01T09:00:00Z/P1D';
      expect(due('timeCycle', text, '2025-12-01T00:00:00Z')).toBe('2026-01-01T09:00:00.000Z');
      expect(due('timeCycle', text, '2026-01-01T09:00:00Z', 1)).toBe('2026-01-02T09:00:00.000Z');
      expect(due('timeCycle', text, '2026-01-04T09:00:00Z', 4)).toBe('2026-01-05T09:00:00.000Z');
      expect(due('timeCycle', text, '2026-01-05T09:00:00Z', 5)).toBeNull();
    });

    it('skips occurrences missed before "from" and counts them as spent', () => {
      const text = 'R5/2026-01-01T09:00:00Z/P1D';
      expect(due('timeCycle', text, '2026-01-03T10:00:00Z')).toBe('2026-01-04T09:00:00.000Z');
      expect(due('timeCycle', text, '2026-02-01T00:00:00Z')).toBeNull();
      expect(due('timeCycle', 'R/2020-01-01T00:00:00Z/PT1S', '2026-06-15T12:34:56.500Z')).toBe(
        '2026-06-15T12:34:57.000Z',
      );
    });

    it('keeps a monthly series from the 31st anchored at month ends', () => {
      const text = 'R/2026-01-31T00:00:00Z/P1M';
      expect(due('timeCycle', text, '2026-01-31T00:00:00Z', 1)).toBe('2026-02-28T00:00:00.000Z');
      expect(due('timeCycle', text, '2026-02-28T00:00:00Z', 2)).toBe('2026-03-31T00:00:00.000Z');
      expect(due('timeCycle', text, '2026-05-01T00:00:00Z')).toBe('2026-05-31T00:00:00.000Z');
    });

    it('stops at the end of a duration/end cycle', () => {
      const text = 'R/P1D/2026-01-03T00:00:00Z';
      expect(due('timeCycle', text, '2026-01-01T00:00:00Z')).toBe('2026-01-02T00:00:00.000Z');
      expect(due('timeCycle', text, '2026-01-02T00:00:00Z', 1)).toBe('2026-01-03T00:00:00.000Z');
      expect(due('timeCycle', text, '2026-01-03T00:00:00Z', 2)).toBeNull();
    });

    it('refuses a series starting more than 100 years ahead', () => {
      expect(() => due('timeCycle', 'R/2200-01-01T00:00:00Z/P1D', '2026-01-01T00:00:00Z')).toThrow(
        /more than 100 years/,
      );
    });
  });

  describe('timeCycle as cron', () => {
    it('gives the next matching instant', () => {
      expect(due('timeCycle', '0 0 9 ? * MON-FRI', '2026-01-02T09:00:00Z', 3)).toBe(
        '2026-01-05T09:00:00.000Z',
      );
    });

    it('is null once the schedule is over', () => {
      expect(due('timeCycle', '0 0 0 1 1 ? 2020', '2026-01-01T00:00:00Z')).toBeNull();
    });
  });

  it('refuses an invalid "from"', () => {
    expect(() => due('timeDuration', 'PT1M', 'not a date')).toThrow(/valid "from"/);
  });
});
