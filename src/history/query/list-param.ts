import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsArray, IsOptional, IsString } from 'class-validator';

/**
 * An optional list filter (Camunda's `…In` parameters): comma-separated in a query string, a JSON
 * array in a POST body. Both arrive here as a string array.
 */
export function OptionalListParam(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.split(',').filter((item) => item.length > 0) : value,
    ),
    IsArray({
      message: ({ property }) =>
        `${property} must be a comma-separated list or an array of strings`,
    }),
    IsString({ each: true, message: ({ property }) => `${property} must contain strings only` }),
  );
}
