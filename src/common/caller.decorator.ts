import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** Who is calling. Until authentication arrives every caller is anonymous; the auth guard will set request.caller. */
export interface CallerInfo {
  userId: string | null;
}

export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): CallerInfo => {
  const request = context.switchToHttp().getRequest<{ caller?: CallerInfo }>();
  return request.caller ?? { userId: null };
});
