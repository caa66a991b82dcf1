import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Ties every event a request causes to the request (causation) and to the client's flow (correlation). */
export interface RequestIds {
  correlationId: string;
  requestId: string;
}

type RequestWithIds = Request & { ids?: RequestIds };

/**
 * Takes the caller's X-Correlation-Id when it is a sane token (it ends up in stored metadata,
 * so nothing arbitrary) or makes one, and echoes it back.
 */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers[CORRELATION_HEADER];
  const correlationId = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
  (req as RequestWithIds).ids = { correlationId, requestId: randomUUID() };
  res.setHeader('X-Correlation-Id', correlationId);
  next();
}

export const Ids = createParamDecorator((_data: unknown, context: ExecutionContext): RequestIds => {
  const request = context.switchToHttp().getRequest<RequestWithIds>();
  return request.ids ?? { correlationId: randomUUID(), requestId: randomUUID() };
});
