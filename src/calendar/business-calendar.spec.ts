import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import type { BusinessCalendarConfig } from '../config/app-config.js';
import { BusinessCalendar, MAX_WORKING_DAYS, MAX_WORKING_HOURS } from './business-calendar.js';

// The defaults of CONVEYOR_CALENDAR_*: Moscow (UTC+3, no DST), 09:00-18:00, Monday to Friday.
const MOSCOW: BusinessCalendarConfig = {
  timeZone: 'Europe/Moscow',
  workingHours: { startMinute: 9 * 60, endMinute: 18 * 60 },
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
};
// January 2024: Monday the 8th … Friday the 12th, weekend 13-14, Monday the 15th.
const msk = (local: string) => new Date(`${local}+03:00`);

describe('BusinessCalendar', () => {
  const calendar = new BusinessCalendar(MOSCOW);

  describe('isWorkingTime and nextWorkingTime', () => {
    it.each([
      ['2024-01-10T09:00:00', true, 'the start minute is working time'],
      ['2024-01-10T12:30:00', true, 'midday'],
      ['2024-01-10T17:59:59.999', true, 'the last millisecond'],
      ['2024-01-10T18:00:00', false, 'the end minute is not'],
      ['2024-01-10T08:59:59', false, 'before hours'],
      ['2024-01-13T12:00:00', false, 'Saturday'],
      ['2024-01-14T12:00:00', false, 'Sunday'],
    ])('%s → %s (%s)', (local, expected) => {
      expect(calendar.isWorkingTime(msk(local))).toBe(expected);
    });

    it('keeps a working moment, moves anything else to the next working start', () => {
      expect(calendar.nextWorkingTime(msk('2024-01-10T11:15:00'))).toEqual(
        msk('2024-01-10T11:15:00'),
      );
      expect(calendar.nextWorkingTime(msk('2024-01-10T07:00:00'))).toEqual(
        msk('2024-01-10T09:00:00'),
      );
      expect(calendar.nextWorkingTime(msk('2024-01-10T18:00:00'))).toEqual(
        msk('2024-01-11T09:00:00'),
      );
      expect(calendar.nextWorkingTime(msk('2024-01-12T19:00:00'))).toEqual(
        msk('2024-01-15T09:00:00'),
      );
      expect(calendar.nextWorkingTime(msk('2024-01-14T23:59:00'))).toEqual(
        msk('2024-01-15T09:00:00'),
      );
    });

    it('reads the local day in the zone, not in UTC: 01:00 Moscow is still the previous day in UTC', () => {
      // Saturday 01:00 in Moscow is Friday 22:00 UTC: not working time
      expect(calendar.isWorkingTime(msk('2024-01-13T01:00:00'))).toBe(false);
      expect(calendar.nextWorkingTime(msk('2024-01-13T01:00:00'))).toEqual(
        msk('2024-01-15T09:00:00'),
      );
    });
  });

  describe('addWorkingHours', () => {
    it('counts within the day', () => {
      expect(calendar.addWorkingHours(msk('2024-01-10T10:00:00'), 3)).toEqual(
        msk('2024-01-10T13:00:00'),
      );
    });

    it('skips the night, crossing midnight', () => {
      // 16:00 + 4h = 2h today, 2h tomorrow from 09:00
      expect(calendar.addWorkingHours(msk('2024-01-10T16:00:00'), 4)).toEqual(
        msk('2024-01-11T11:00:00'),
      );
    });

    it('skips the weekend', () => {
      expect(calendar.addWorkingHours(msk('2024-01-12T17:00:00'), 2)).toEqual(
        msk('2024-01-15T10:00:00'),
      );
    });

    it('takes fractional hours', () => {
      expect(calendar.addWorkingHours(msk('2024-01-10T17:30:00'), 1.25)).toEqual(
        msk('2024-01-11T09:45:00'),
      );
      expect(calendar.addWorkingHours(msk('2024-01-10T10:00:00'), 0.5)).toEqual(
        msk('2024-01-10T10:30:00'),
      );
    });

    it('from outside working time counts from the next working start', () => {
      expect(calendar.addWorkingHours(msk('2024-01-10T06:00:00'), 2)).toEqual(
        msk('2024-01-10T11:00:00'),
      );
      expect(calendar.addWorkingHours(msk('2024-01-13T15:00:00'), 1)).toEqual(
        msk('2024-01-15T10:00:00'),
      );
    });

    it('ends at the end of the day when the count uses it up exactly', () => {
      expect(calendar.addWorkingHours(msk('2024-01-10T09:00:00'), 9)).toEqual(
        msk('2024-01-10T18:00:00'),
      );
      expect(calendar.addWorkingHours(msk('2024-01-10T09:00:00'), 18)).toEqual(
        msk('2024-01-11T18:00:00'),
      );
    });

    it('0 hours is the next working moment', () => {
      expect(calendar.addWorkingHours(msk('2024-01-10T12:00:00'), 0)).toEqual(
        msk('2024-01-10T12:00:00'),
      );
      expect(calendar.addWorkingHours(msk('2024-01-10T20:00:00'), 0)).toEqual(
        msk('2024-01-11T09:00:00'),
      );
    });

    it('counts a whole working week as 45 hours', () => {
      expect(calendar.addWorkingHours(msk('2024-01-08T09:00:00'), 45 + 1)).toEqual(
        msk('2024-01-15T10:00:00'),
      );
    });

    it('counts the most hours allowed quickly', () => {
      const started = performance.now();
      calendar.addWorkingHours(msk('2024-01-08T09:00:00'), MAX_WORKING_HOURS);
      expect(performance.now() - started).toBeLessThan(1000);
    });
  });

  describe('addWorkingDays', () => {
    it('keeps the local time of day', () => {
      expect(calendar.addWorkingDays(msk('2024-01-08T10:30:00'), 2)).toEqual(
        msk('2024-01-10T10:30:00'),
      );
    });

    it('Friday + 3 working days is Wednesday', () => {
      expect(calendar.addWorkingDays(msk('2024-01-12T14:00:00'), 3)).toEqual(
        msk('2024-01-17T14:00:00'),
      );
    });

    it('from a non-working moment starts at the next working start', () => {
      expect(calendar.addWorkingDays(msk('2024-01-13T12:00:00'), 1)).toEqual(
        msk('2024-01-16T09:00:00'),
      );
      expect(calendar.addWorkingDays(msk('2024-01-10T19:00:00'), 1)).toEqual(
        msk('2024-01-12T09:00:00'),
      );
      expect(calendar.addWorkingDays(msk('2024-01-10T07:00:00'), 1)).toEqual(
        msk('2024-01-11T09:00:00'),
      );
    });

    it('0 days is the next working moment', () => {
      expect(calendar.addWorkingDays(msk('2024-01-10T12:00:00'), 0)).toEqual(
        msk('2024-01-10T12:00:00'),
      );
      expect(calendar.addWorkingDays(msk('2024-01-13T12:00:00'), 0)).toEqual(
        msk('2024-01-15T09:00:00'),
      );
    });

    it('a working week is 5 working days', () => {
      expect(calendar.addWorkingDays(msk('2024-01-08T09:00:00'), 5)).toEqual(
        msk('2024-01-15T09:00:00'),
      );
    });

    it('counts the most days allowed quickly', () => {
      const started = performance.now();
      const result = calendar.addWorkingDays(msk('2024-01-08T09:00:00'), MAX_WORKING_DAYS);
      expect(performance.now() - started).toBeLessThan(500);
      // 3650 working days = 730 weeks
      expect(result).toEqual(new Date(msk('2024-01-08T09:00:00').getTime() + 730 * 7 * 86400000));
    });
  });

  describe('endOfWorkingDay', () => {
    it.each([
      ['2024-01-10T07:00:00', '2024-01-10T18:00:00', 'before hours: the same day'],
      ['2024-01-10T09:00:00', '2024-01-10T18:00:00', 'at the start'],
      ['2024-01-10T17:59:00', '2024-01-10T18:00:00', 'a minute before the end'],
      ['2024-01-10T18:00:00', '2024-01-11T18:00:00', 'exactly at the end: the next day'],
      ['2024-01-10T22:00:00', '2024-01-11T18:00:00', 'after hours: the next day'],
      ['2024-01-12T18:30:00', '2024-01-15T18:00:00', 'Friday evening: Monday'],
      ['2024-01-13T10:00:00', '2024-01-15T18:00:00', 'Saturday: Monday'],
    ])('%s → %s (%s)', (from, expected) => {
      expect(calendar.endOfWorkingDay(msk(from))).toEqual(msk(expected));
    });
  });

  describe('rejects invalid input with InvalidRequest', () => {
    const invalid = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        expect(error).toBeInstanceOf(ConveyorError);
        expect((error as ConveyorError).code).toBe(ErrorCode.InvalidRequest);
        return (error as Error).message;
      }
      throw new Error('expected an error');
    };
    const monday = msk('2024-01-08T10:00:00');

    it.each([
      ['an invalid date', () => calendar.addWorkingDays(new Date(Number.NaN), 1)],
      ['an invalid date', () => calendar.isWorkingTime(new Date('nonsense'))],
      ['an invalid date', () => calendar.endOfWorkingDay(new Date(Number.NaN))],
      ['a negative count', () => calendar.addWorkingDays(monday, -1)],
      ['a fractional day count', () => calendar.addWorkingDays(monday, 1.5)],
      ['an absurd day count', () => calendar.addWorkingDays(monday, MAX_WORKING_DAYS + 1)],
      ['NaN hours', () => calendar.addWorkingHours(monday, Number.NaN)],
      ['infinite hours', () => calendar.addWorkingHours(monday, Number.POSITIVE_INFINITY)],
      ['negative hours', () => calendar.addWorkingHours(monday, -0.5)],
      ['absurd hours', () => calendar.addWorkingHours(monday, MAX_WORKING_HOURS + 1)],
      ['huge hours', () => calendar.addWorkingHours(monday, 1e9)],
    ])('%s', (_, call) => {
      expect(invalid(call)).toMatch(
        /^(addWorkingDays|addWorkingHours|isWorkingTime|endOfWorkingDay)/,
      );
    });

    it('names the method and the count', () => {
      expect(invalid(() => calendar.addWorkingDays(monday, -1))).toBe(
        'addWorkingDays: days must be a whole number from 0 to 3650, got -1',
      );
    });

    it('gives up when holidays leave no working time for years', () => {
      const days: string[] = [];
      for (
        let d = new Date('2024-01-01');
        d < new Date('2035-01-01');
        d.setUTCDate(d.getUTCDate() + 1)
      )
        days.push(d.toISOString().slice(0, 10));
      const closed = new BusinessCalendar({ ...MOSCOW, holidays: days });
      expect(invalid(() => closed.nextWorkingTime(monday))).toMatch(/no working time within/);
    });
  });

  it('refuses a configuration it cannot work with', () => {
    expect(() => new BusinessCalendar({ ...MOSCOW, timeZone: 'Mars/Olympus' })).toThrow(
      /unknown time zone/,
    );
    expect(() => new BusinessCalendar({ ...MOSCOW, workingDays: [] })).toThrow(/working days/);
    expect(
      () => new BusinessCalendar({ ...MOSCOW, workingHours: { startMinute: 600, endMinute: 600 } }),
    ).toThrow(/working hours/);
    expect(() => new BusinessCalendar({ ...MOSCOW, holidays: ['2024-02-30'] })).toThrow(
      /holiday "2024-02-30"/,
    );
  });
});
