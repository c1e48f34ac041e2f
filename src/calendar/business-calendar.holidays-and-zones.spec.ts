import type { BusinessCalendarConfig } from '../config/app-config.js';
import { BusinessCalendar } from './business-calendar.js';

const MOSCOW: BusinessCalendarConfig = {
  timeZone: 'Europe/Moscow',
  workingHours: { startMinute: 9 * 60, endMinute: 18 * 60 },
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
};
const msk = (local: string) => new Date(`${local}+03:00`);
const iso = (date: Date) => date.toISOString();

describe('BusinessCalendar: holidays, daylight saving time, other weeks', () => {
  describe('holidays', () => {
    // New Year holidays: 2025-01-01 … 2025-01-08 are days off in Russia; 2024-12-31 too.
    const russian = new BusinessCalendar({
      ...MOSCOW,
      holidays: [
        '2024-12-31',
        '2025-01-01',
        '2025-01-02',
        '2025-01-03',
        '2025-01-06',
        '2025-01-07',
        '2025-01-08',
      ],
    });

    it('are not working time', () => {
      expect(russian.isWorkingTime(msk('2024-12-31T12:00:00'))).toBe(false);
      expect(russian.nextWorkingTime(msk('2024-12-31T12:00:00'))).toEqual(
        msk('2025-01-09T09:00:00'),
      );
    });

    it('are skipped by working days, hours and the end of the working day', () => {
      expect(russian.addWorkingDays(msk('2024-12-30T15:00:00'), 1)).toEqual(
        msk('2025-01-09T15:00:00'),
      );
      expect(russian.addWorkingHours(msk('2024-12-30T17:00:00'), 2)).toEqual(
        msk('2025-01-09T10:00:00'),
      );
      expect(russian.endOfWorkingDay(msk('2024-12-30T18:00:00'))).toEqual(
        msk('2025-01-09T18:00:00'),
      );
    });

    it('are calendar dates in the zone: a holiday starts at local midnight', () => {
      const twentyFourSeven = new BusinessCalendar({
        ...MOSCOW,
        workingHours: { startMinute: 0, endMinute: 24 * 60 },
        workingDays: [1, 2, 3, 4, 5, 6, 7],
        holidays: ['2024-01-10'],
      });
      expect(twentyFourSeven.isWorkingTime(msk('2024-01-09T23:59:59'))).toBe(true);
      expect(twentyFourSeven.isWorkingTime(msk('2024-01-10T00:00:00'))).toBe(false);
      expect(twentyFourSeven.endOfWorkingDay(msk('2024-01-09T12:00:00'))).toEqual(
        msk('2024-01-10T00:00:00'),
      );
      expect(twentyFourSeven.addWorkingHours(msk('2024-01-09T23:00:00'), 2)).toEqual(
        msk('2024-01-11T01:00:00'),
      );
    });
  });

  describe('daylight saving time (Europe/Berlin: UTC+1 in winter, UTC+2 from 2024-03-31)', () => {
    const berlin = new BusinessCalendar({ ...MOSCOW, timeZone: 'Europe/Berlin' });

    it('keeps the wall-clock time of day across the switch', () => {
      // Friday 10:00 CET (09:00Z) + 1 working day = Monday 10:00 CEST (08:00Z)
      expect(iso(berlin.addWorkingDays(new Date('2024-03-29T09:00:00Z'), 1))).toBe(
        '2024-04-01T08:00:00.000Z',
      );
      // back in autumn: Friday 2024-10-25 10:00 CEST (08:00Z) → Monday 10:00 CET (09:00Z)
      expect(iso(berlin.addWorkingDays(new Date('2024-10-25T08:00:00Z'), 1))).toBe(
        '2024-10-28T09:00:00.000Z',
      );
    });

    it('counts working hours in local hours across the switch', () => {
      // Friday 17:00 CET + 2h = Monday 10:00 CEST
      expect(iso(berlin.addWorkingHours(new Date('2024-03-29T16:00:00Z'), 2))).toBe(
        '2024-04-01T08:00:00.000Z',
      );
      expect(iso(berlin.endOfWorkingDay(new Date('2024-03-29T18:00:00Z')))).toBe(
        '2024-04-01T16:00:00.000Z',
      );
      expect(berlin.isWorkingTime(new Date('2024-04-01T07:00:00Z'))).toBe(true); // 09:00 CEST
      expect(berlin.isWorkingTime(new Date('2024-03-29T07:30:00Z'))).toBe(false); // 08:30 CET
    });

    it('counts real hours on the day that has only 23', () => {
      const always = new BusinessCalendar({
        timeZone: 'Europe/Berlin',
        workingHours: { startMinute: 0, endMinute: 24 * 60 },
        workingDays: [1, 2, 3, 4, 5, 6, 7],
        holidays: [],
      });
      // Sunday 2024-03-31 00:00 CET (Saturday 23:00Z) + 23h = Monday 00:00 CEST (Sunday 22:00Z)
      expect(iso(always.addWorkingHours(new Date('2024-03-30T23:00:00Z'), 23))).toBe(
        '2024-03-31T22:00:00.000Z',
      );
      expect(iso(always.endOfWorkingDay(new Date('2024-03-31T10:00:00Z')))).toBe(
        '2024-03-31T22:00:00.000Z',
      );
    });

    it('working hours that span the switch last as long as they really do', () => {
      const night = new BusinessCalendar({
        timeZone: 'Europe/Berlin',
        workingHours: { startMinute: 60, endMinute: 5 * 60 },
        workingDays: [1, 2, 3, 4, 5, 6, 7],
        holidays: [],
      });
      // Sunday 01:00 CET (00:00Z) to 05:00 CEST (03:00Z): 3 real hours; the 4th is on Monday
      expect(iso(night.addWorkingHours(new Date('2024-03-31T00:00:00Z'), 3))).toBe(
        '2024-03-31T03:00:00.000Z',
      );
      expect(iso(night.addWorkingHours(new Date('2024-03-31T00:00:00Z'), 4))).toBe(
        '2024-04-01T00:00:00.000Z', // Monday 01:00 CEST (23:00Z) + 1h
      );
    });
  });

  describe('other weeks and hours', () => {
    it('a six-day week with short hours', () => {
      const shop = new BusinessCalendar({
        ...MOSCOW,
        workingHours: { startMinute: 10 * 60, endMinute: 16 * 60 + 30 },
        workingDays: [1, 2, 3, 4, 5, 6],
      });
      expect(shop.isWorkingTime(msk('2024-01-13T12:00:00'))).toBe(true);
      expect(shop.addWorkingDays(msk('2024-01-12T11:00:00'), 1)).toEqual(
        msk('2024-01-13T11:00:00'),
      );
      expect(shop.addWorkingHours(msk('2024-01-13T16:00:00'), 1)).toEqual(
        msk('2024-01-15T10:30:00'),
      );
      expect(shop.endOfWorkingDay(msk('2024-01-13T16:30:00'))).toEqual(msk('2024-01-15T16:30:00'));
    });
  });
});
