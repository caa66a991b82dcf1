import { HttpException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { toErrorResponse } from './error-response';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
/** Routes that take a file (multipart/form-data, field `file`) instead of a JSON body. */
const UPLOAD_PATHS = [/^\/api\/imports\//];

/** The routes that take a file (multipart/form-data, field `file`) instead of JSON. */
const MULTIPART_ROUTES: readonly RegExp[] = [/^\/api\/suggestions\/[^/]+\/attachments\/?$/];

/**
 * Every request body of the API is JSON. A body sent as something else (text/plain, a form) would
 * pass unparsed and be refused as "fields missing" — a misleading 400; the client's mistake is the
 * media type, so say that (415) before anything reads it. A request without a body is left alone.
 */
export function jsonBodyRequired(req: Request, res: Response, next: NextFunction): void {
  if (!METHODS_WITH_BODY.has(req.method) || !hasBody(req) || req.is(['application/json', '+json']) || isUpload(req)) {
    next();
    return;
  }
  if (req.is('multipart/form-data') && MULTIPART_ROUTES.some((route) => route.test(req.path))) {
    next();
    return;
  }
  const { status, body } = toErrorResponse(new HttpException('请求体须为 JSON（Content-Type: application/json）', 415));
  res.status(status).json(body);
}

function isUpload(req: Request): boolean {
  return typeof req.is('multipart/form-data') === 'string' && UPLOAD_PATHS.some((path) => path.test(req.path));
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
