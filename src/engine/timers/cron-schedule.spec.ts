import { nextCronDate, parseCronSchedule } from './cron-schedule.js';

const next = (cron: string, from: string): string | undefined =>
  nextCronDate(parseCronSchedule(cron), new Date(from))?.toISOString();

describe('cron schedules (Quartz style, UTC)', () => {
  it.each([
    ['0 0 9 * * ?', '2026-01-01T08:00:00Z', '2026-01-01T09:00:00.000Z'],
    ['0 0 9 * * ?', '2026-01-01T09:00:00Z', '2026-01-02T09:00:00.000Z'],
    ['0 */15 * * * ?', '2026-01-01T10:07:30Z', '2026-01-01T10:15:00.000Z'],
    ['30 5/20 * * * ?', '2026-01-01T10:26:00Z', '2026-01-01T10:45:30.000Z'],
    // 2026-01-02 is a Friday: the next weekday 09:00 is Monday the 5th.
    ['0 0 9 ? * MON-FRI', '2026-01-02T10:00:00Z', '2026-01-05T09:00:00.000Z'],
    // Quartz numbers days of week from 1 = Sunday.
    ['0 0 0 ? * 1', '2026-01-01T00:00:00Z', '2026-01-04T00:00:00.000Z'],
    ['0 0 12 1 JAN,JUL ?', '2026-02-01T00:00:00Z', '2026-07-01T12:00:00.000Z'],
    ['0 0 0 29 2 ?', '2025-03-01T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['0 0 0 31 * ?', '2026-04-01T00:00:00Z', '2026-05-31T00:00:00.000Z'],
    ['0 0 0 1 1 ? 2030', '2026-01-01T00:00:00Z', '2030-01-01T00:00:00.000Z'],
    ['0 0 9 * * *', '2026-01-01T08:00:00Z', '2026-01-01T09:00:00.000Z'],
  ])('%s after %s is %s', (cron, from, expected) => {
    expect(next(cron, from)).toBe(expected);
  });

  it('returns null when the year field is over', () => {
    expect(next('0 0 0 1 1 ? 2020', '2026-01-01T00:00:00Z')).toBeUndefined();
  });

  it.each([
    ['0 0 9 * *', /6 or 7 fields/],
    ['0 0 9 L * ?', /L, W and # are not supported/],
    ['0 0 9 15W * ?', /L, W and # are not supported/],
    ['0 0 9 ? * 6#3', /L, W and # are not supported/],
    ['0 0 9 1 * MON', /either day-of-month or day-of-week/],
    ['0 0 9 ? * ?', /only one day field/],
    ['60 0 9 * * ?', /second "60" is not within 0–59/],
    ['0 0 9 ? * 0', /day-of-week "0" is not within 1–7/],
    ['0 0 9 ? * FOO', /day-of-week "FOO"/],
    ['0 0 17-9 * * ?', /runs backwards/],
    ['0 0 9 30 2 ?', /never fire/],
    ['0 0 9 * * ? 1969', /year "1969"/],
  ])('refuses %p', (cron, message) => {
    expect(() => parseCronSchedule(cron)).toThrow(message);
  });
});
