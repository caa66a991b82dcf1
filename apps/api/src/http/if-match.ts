import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The revision named by `If-Match: "<n>"` (weak `W/"<n>"` and bare `n` accepted), or undefined.
 * Anything else is a client error rather than a silently ignored precondition.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(header.trim());
  if (!match) {
    throw new BadRequestException({
      statusCode: 400,
      code: 'validation_failed',
      message: '请求参数有误',
      errors: [{ field: 'If-Match', message: 'If-Match 须为建议的版本号，例如 "3"' }],
    });
  }
  return Number(match[1]);
}

export const IfMatch = createParamDecorator((_data: unknown, context: ExecutionContext): number | undefined =>
  parseIfMatch(context.switchToHttp().getRequest<Request>().headers['if-match']),
);

export const etag = (revision: number): string => `"${revision}"`;
