import type { NextFunction, Request, Response } from 'express';
import { toErrorResponse } from './error-response';
import { HttpException } from '@nestjs/common';

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * Express error middleware for failures before Nest routes the request (malformed JSON, a body
 * over the limit): without it Express answers them with an English HTML page.
 */
export function bodyParserErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const parserError = error as BodyParserError;
  if (typeof parserError?.type !== 'string' || typeof parserError.status !== 'number') {
    next(error);
    return;
  }
  const message =
    parserError.type === 'entity.parse.failed'
      ? '请求体不是有效的 JSON'
      : parserError.type === 'entity.too.large'
        ? '请求体过大'
        : '无法读取请求体';
  const { status, body } = toErrorResponse(new HttpException(message, parserError.status));
  res.status(status).json(body);
}
