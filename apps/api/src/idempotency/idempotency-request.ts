import { BadRequestException } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { canonicalJson } from '@duban/event-store';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_KEY_MAX = 128;
const KEY_PATTERN = new RegExp(`^[\\x21-\\x7E]{1,${IDEMPOTENCY_KEY_MAX}}$`);

/**
 * A retried command: the client's key and a fingerprint of what was asked (route, person, body).
 * Both go into the metadata of the events the command appends, which is what makes a retry
 * recognisable after a restart.
 */
export interface IdempotencyRequest {
  key: string;
  fingerprint: string;
}

/** The key from the header, undefined when absent; anything unusable is a 400 rather than ignored. */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value === '') return undefined;
  if (!KEY_PATTERN.test(value)) {
    throw new BadRequestException({
      statusCode: 400,
      code: 'validation_failed',
      message: '请求参数有误',
      errors: [{ field: 'Idempotency-Key', message: `Idempotency-Key 须为 1–${IDEMPOTENCY_KEY_MAX} 个可见 ASCII 字符（建议使用 UUID）` }],
    });
  }
  return value;
}

/**
 * HMAC rather than a bare hash: the fingerprint is stored in event metadata, and some bodies hold
 * a password (POST /api/users), which a bare hash of a guessable body would expose to guessing.
 */
export function fingerprintRequest(secret: string, parts: { method: string; path: string; userId: string; body: unknown }): string {
  const text = canonicalJson([parts.method.toUpperCase(), parts.path, parts.userId, parts.body ?? null]);
  return createHmac('sha256', secret).update(text).digest('base64url');
}
