import { parseFormDate } from './form-date.js';

describe('parseFormDate', () => {
  it.each([
    ['22/11/2026', 'dd/MM/yyyy', '2026-11-22T00:00:00.000Z'],
    ['2/3/2026', 'd/M/yyyy', '2026-03-02T00:00:00.000Z'],
    ['2026-11-22 10:30', 'yyyy-MM-dd HH:mm', '2026-11-22T10:30:00.000Z'],
    ['2026-11-22T10:30:05.250', "yyyy-MM-dd'T'HH:mm:ss.SSS", '2026-11-22T10:30:05.250Z'],
    ['29.02.2024', 'dd.MM.yyyy', '2024-02-29T00:00:00.000Z'],
  ])('parses %s with %s', (text, pattern, iso) => {
    expect(parseFormDate(text, pattern)?.toISOString()).toBe(iso);
  });

  it.each([
    ['31/02/2026', 'dd/MM/yyyy'],
    ['29/02/2025', 'dd/MM/yyyy'],
    ['22/13/2026', 'dd/MM/yyyy'],
    ['2026-11-22', 'dd/MM/yyyy'],
    ['22/11/26', 'dd/MM/yyyy'],
    ['22/11/2026 ', 'dd/MM/yyyy'],
    ['22-11-2026', 'dd/MM/yyyy'],
    ['25:00', 'HH:mm'],
    ['22 Nov 2026', 'dd MMM yyyy'], // month names are not supported
    ['22/11/26', 'dd/MM/yy'], // two-digit years are ambiguous
    ['x', "'unterminated"],
  ])('rejects %s with %s', (text, pattern) => {
    expect(parseFormDate(text, pattern)).toBeNull();
  });
});
