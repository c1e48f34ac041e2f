import { Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { IsBoolean, IsOptional } from 'class-validator';

/** An optional `true`/`false` query parameter (class-transformer's Boolean() would read "false" as true). */
export function OptionalBooleanParam(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Transform(({ value }: { value: unknown }) =>
      value === 'true' || value === true
        ? true
        : value === 'false' || value === false
          ? false
          : value,
    ),
    IsBoolean({ message: ({ property }) => `${property} must be true or false` }),
  );
}
