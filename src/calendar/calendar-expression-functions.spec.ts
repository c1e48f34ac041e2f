import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { engineExpressions } from '../engine/engine-expressions.js';
import { assertExpressionSyntax, ExpressionError } from '../engine/expressions/index.js';
import { BusinessCalendar } from './business-calendar.js';
import { calendarExpressionFunctions } from './calendar-expression-functions.js';

const calendar = new BusinessCalendar({
  timeZone: 'Europe/Moscow',
  workingHours: { startMinute: 9 * 60, endMinute: 18 * 60 },
  workingDays: [1, 2, 3, 4, 5],
  holidays: ['2024-01-17'],
});
const msk = (local: string) => new Date(`${local}+03:00`);
// Friday 2024-01-12, 16:00 in Moscow
const FRIDAY_4PM = msk('2024-01-12T16:00:00');

function evaluate(expression: string, variables: Record<string, unknown> = {}): unknown {
  return engineExpressions(() => FRIDAY_4PM, calendar).resolveExpression(expression, {
    environment: { variables },
  });
}

describe('calendar functions in expressions', () => {
  describe('JUEL', () => {
    it('endOfWorkingDay(now()) is today 18:00', () => {
      expect(evaluate('${endOfWorkingDay(now())}')).toEqual(msk('2024-01-12T18:00:00'));
    });

    it('addWorkingDays skips the weekend and the holiday', () => {
      expect(evaluate('${addWorkingDays(now(), 3)}')).toEqual(msk('2024-01-18T16:00:00'));
    });

    it('addWorkingHours takes a Date variable and a computed count', () => {
      expect(
        evaluate('${addWorkingHours(sentAt, slaHours / 2)}', {
          sentAt: msk('2024-01-12T17:00:00'),
          slaHours: 5,
        }),
      ).toEqual(msk('2024-01-15T10:30:00'));
    });

    it('takes ISO 8601 texts: with an offset, zone-less as UTC, a date alone in the calendar zone', () => {
      expect(evaluate("${addWorkingDays('2024-01-12T16:00:00+03:00', 1)}")).toEqual(
        msk('2024-01-15T16:00:00'),
      );
      expect(evaluate("${addWorkingDays('2024-01-12T13:00:00', 1)}")).toEqual(
        msk('2024-01-15T16:00:00'),
      );
      expect(evaluate("${addWorkingDays('2024-01-12T13:00:00.000+0000', 1)}")).toEqual(
        msk('2024-01-15T16:00:00'),
      );
      expect(evaluate("${endOfWorkingDay('2024-01-13')}")).toEqual(msk('2024-01-15T18:00:00'));
      expect(evaluate("${addWorkingDays('2024-01-15', 2)}")).toEqual(msk('2024-01-18T09:00:00'));
    });

    it('gives an ISO text inside a template', () => {
      expect(evaluate('Ответить до ${endOfWorkingDay(now())}')).toBe(
        'Ответить до 2024-01-12T15:00:00.000Z',
      );
    });

    it('a process variable of the same name wins, as for now()', () => {
      expect(evaluate('${endOfWorkingDay}', { endOfWorkingDay: 'вчера' })).toBe('вчера');
    });
  });

  describe('FEEL', () => {
    it('calls the functions with now() and numbers', () => {
      expect(evaluate('= addWorkingHours(now(), 4)')).toEqual(msk('2024-01-15T11:00:00'));
      expect(evaluate('= endOfWorkingDay(now())')).toEqual(msk('2024-01-12T18:00:00'));
    });

    it('accepts FEEL date-times, dates and Date variables', () => {
      expect(evaluate('= addWorkingDays(date and time("2024-01-12T16:00:00+03:00"), 1)')).toEqual(
        msk('2024-01-15T16:00:00'),
      );
      expect(evaluate('= addWorkingDays(@"2024-01-12T14:00:00@Europe/Berlin", 1)')).toEqual(
        msk('2024-01-15T16:00:00'),
      );
      expect(evaluate('= endOfWorkingDay(date("2024-01-13"))')).toEqual(msk('2024-01-15T18:00:00'));
      expect(evaluate('= addWorkingDays(sentAt, days)', { sentAt: FRIDAY_4PM, days: 1 })).toEqual(
        msk('2024-01-15T16:00:00'),
      );
    });

    it('returns a FEEL date and time, so results compose', () => {
      expect(evaluate('= addWorkingDays(now(), 1) + duration("PT30M")')).toEqual(
        msk('2024-01-15T16:30:00'),
      );
      expect(evaluate('= addWorkingHours(now(), 1) > now()')).toBe(true);
      expect(evaluate('= now() + duration("PT1H")')).toEqual(msk('2024-01-12T17:00:00'));
    });

    it('takes named arguments', () => {
      expect(evaluate('= addWorkingDays(date: now(), days: 1)')).toEqual(
        msk('2024-01-15T16:00:00'),
      );
    });
  });

  describe('bad calls fail as expression errors caused by InvalidRequest', () => {
    it.each([
      ['${addWorkingDays(now(), -1)}', /days must be a whole number from 0 to 3650, got -1/],
      ['${addWorkingDays(now(), 1.5)}', /days must be a whole number/],
      ['${addWorkingHours(now(), 100000)}', /hours must be a number from 0 to 8760/],
      ["${addWorkingHours(now(), 'soon')}", /hours must be a number, got "soon"/],
      ["${endOfWorkingDay('tomorrow')}", /the date must be a date-time or an ISO 8601 text/],
      ['${endOfWorkingDay(missing)}', /the date must be a date-time or an ISO 8601 text, got null/],
      ['${addWorkingDays(now())}', /addWorkingDays takes 2 argument\(s\) \(date, days\), got 1/],
      ['= addWorkingDays(now(), -1)', /days must be a whole number/],
      ['= addWorkingHours(now())', /addWorkingHours takes 2 argument/],
    ])('%s', (expression, message) => {
      let thrown: unknown;
      try {
        evaluate(expression, { missing: null });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ExpressionError);
      expect((thrown as Error).message).toMatch(message);
      const cause = (thrown as Error).cause;
      expect(cause).toBeInstanceOf(ConveyorError);
      expect((cause as ConveyorError).code).toBe(ErrorCode.InvalidRequest);
    });
  });

  it('without a calendar the names are unknown', () => {
    const plain = engineExpressions(() => FRIDAY_4PM);
    expect(() => plain.resolveExpression('${addWorkingDays(now(), 1)}', {})).toThrow(
      /Cannot resolve identifier 'addWorkingDays'/,
    );
  });

  it('the diagram texts pass the deployment syntax check', () => {
    for (const text of [
      '${endOfWorkingDay(now())}',
      '${addWorkingDays(now(), 3)}',
      '= addWorkingHours(now(), 4)',
      '= addWorkingDays(date: now(), days: 1)',
    ]) {
      expect(() => assertExpressionSyntax(text)).not.toThrow();
    }
  });

  it('name their parameters for feelin', () => {
    const functions = calendarExpressionFunctions(calendar);
    expect(functions.addWorkingDays.$args).toEqual(['date', 'days']);
    expect(functions.addWorkingHours.$args).toEqual(['date', 'hours']);
    expect(functions.endOfWorkingDay.$args).toEqual(['date']);
  });
});
