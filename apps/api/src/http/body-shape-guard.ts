import { HttpException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { toErrorResponse } from './error-response';

/** Deeper than any body of the API (answer → commitments → item → field is 3). */
export const BODY_MAX_DEPTH = 8;
/** More values than any legitimate body holds (lists are capped at 50 items of a few fields). */
export const BODY_MAX_NODES = 5000;
/**
 * Batch routes carry up to 2,000 items of a few fields each (and their unit lists): a larger
 * budget for them alone. Their JSON size limit still bounds the walk.
 */
export const BATCH_BODY_MAX_NODES = 120_000;
const BATCH_PATH = /^\/api\/suggestions\/batch\//;

/**
 * Keys that reach an object's prototype when copied naively (`__proto__`, `constructor`,
 * `prototype`), and the names of Object's own methods (`toString`…), which class-transformer drops
 * silently inside nested objects: no field of the API has such a name, so refuse them at any depth.
 */
const FORBIDDEN_KEYS = new Set(['prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

/**
 * Runs right after the JSON parser, before anything copies the body: refuses prototype keys at
 * any depth, and bodies so deep or large that walking them (validation, hashing) would cost
 * more than a request is worth. Walks iteratively, so a hostile nesting cannot overflow the stack.
 */
export function bodyShapeGuard(req: Request, res: Response, next: NextFunction): void {
  const problem = inspect(req.body, BATCH_PATH.test(req.path) ? BATCH_BODY_MAX_NODES : BODY_MAX_NODES);
  if (problem === null) {
    next();
    return;
  }
  const { status, body } = toErrorResponse(
    new HttpException({ statusCode: 400, code: 'validation_failed', message: '请求参数有误', errors: [problem] }, 400),
  );
  res.status(status).json(body);
}

function inspect(root: unknown, maxNodes: number): { field: string; message: string } | null {
  if (root === null || typeof root !== 'object') return null;
  // Every body of the API is one JSON object; an array would be validated item by item as if it were several.
  if (Array.isArray(root)) return { field: '', message: '请求体必须是 JSON 对象' };
  const stack: { value: object; path: string; depth: number }[] = [{ value: root, path: '', depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (depth > BODY_MAX_DEPTH) return { field: path, message: `请求体嵌套过深（最多 ${BODY_MAX_DEPTH} 层）` };
    for (const key of Object.keys(value)) {
      nodes += 1;
      if (nodes > maxNodes) return { field: '', message: `请求体包含的字段或数组项过多（最多 ${maxNodes} 个）` };
      const field = path === '' ? key : `${path}.${key}`;
      if (FORBIDDEN_KEYS.has(key)) return { field, message: `不允许的字段「${key}」` };
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push({ value: child, path: field, depth: depth + 1 });
    }
  }
  return null;
}
