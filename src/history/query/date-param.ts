import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';
import { parseCamundaDate } from '../../common/variables/index.js';

/**
 * An optional date-time filter in Camunda's format (`2026-11-22T10:00:00.000+0000`, ISO 8601 with
 * an offset also accepted). `new Date()` would misread or accept far too much, so the text goes
 * through parseCamundaDate and anything it refuses stays a string that IsDate turns into a 400.
 */
export function OptionalDateParam(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Transform(({ value }: { value: unknown }) => toDate(value)),
    IsDate({
      message: ({ property, value }) =>
        `Cannot set query parameter '${property}' to value '${String(value)}': expected a date like 2026-11-22T10:00:00.000+0000`,
    }),
  );
}

function toDate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  // An unencoded `+` in a query string arrives as a space: `…000 0000` meant `…000+0000`.
  const text = value.replace(/ (\d{2}:?\d{2})$/, '+$1');
  return parseCamundaDate(text) ?? value;
}
