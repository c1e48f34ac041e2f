import { formatCamundaDate, parseCamundaDate } from './camunda-date.js';

describe('camunda dates', () => {
  it('formats an instant in UTC with a +0000 offset', () => {
    expect(formatCamundaDate(new Date('2026-11-22T10:00:00Z'))).toBe(
      '2026-11-22T10:00:00.000+0000',
    );
  });

  it.each([
    ['2013-06-30T21:33:32.000+0200', '2013-06-30T19:33:32.000Z'],
    ['2013-06-30T21:33:32.000-0130', '2013-06-30T23:03:32.000Z'],
    ['2013-06-30T21:33:32+02:00', '2013-06-30T19:33:32.000Z'],
    ['2026-11-22T10:00:00.000Z', '2026-11-22T10:00:00.000Z'],
    ['2026-11-22T10:00:00Z', '2026-11-22T10:00:00.000Z'],
    ['2026-11-22T10:00:00.5Z', '2026-11-22T10:00:00.500Z'],
    ['2026-11-22T10:00:00.123456789Z', '2026-11-22T10:00:00.123Z'],
    ['2024-02-29T00:00:00.000+0000', '2024-02-29T00:00:00.000Z'],
    ['0050-01-01T00:00:00.000Z', '0050-01-01T00:00:00.000Z'],
  ])('parses %s', (text, iso) => {
    expect(parseCamundaDate(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2026-11-22',
    '2026-11-22T10:00:00', // no offset: a local time names no instant
    '2026-11-22 10:00:00Z',
    '2026-13-01T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-11-22T24:00:00Z',
    '2026-11-22T10:60:00Z',
    '2026-11-22T10:00:60Z',
    '2026-11-22T10:00:00+1900',
    '22/11/2026',
    '',
  ])('rejects %s', (text) => {
    expect(parseCamundaDate(text)).toBeNull();
  });

  it('round-trips through its own format', () => {
    const date = new Date('1999-12-31T23:59:59.999Z');
    expect(parseCamundaDate(formatCamundaDate(date))?.getTime()).toBe(date.getTime());
  });
});
