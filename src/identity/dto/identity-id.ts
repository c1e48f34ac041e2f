import { applyDecorators } from '@nestjs/common';
import { Matches } from 'class-validator';

/** User and group ids: what fits in a Basic header, a URL path and a BPMN candidate list unescaped. */
export const IDENTITY_ID_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;

export function isIdentityId(value: string): boolean {
  return IDENTITY_ID_PATTERN.test(value);
}

/** A user or group id in a request body. */
export function IdentityId(): PropertyDecorator {
  return applyDecorators(
    Matches(IDENTITY_ID_PATTERN, {
      message: ({ property }) =>
        `${property} must be 1 to 64 characters: letters, digits, '.', '_', '@' or '-'`,
    }),
  );
}
