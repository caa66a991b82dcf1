import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, DomainErrorKind, assertNever } from '@duban/domain';
import { StoreFullError, StoreUnavailableError, WrongExpectedRevisionError } from '@duban/event-store';
import { IdempotencyKeyReusedError } from '../idempotency/idempotency-key-reused.error';
import { ConcurrencyExhaustedError } from '../suggestions/execution/concurrency-exhausted.error';
import { RevisionMismatchError } from '../suggestions/execution/revision-mismatch.error';
import { FieldError } from './validation/field-error';

export interface ErrorBody {
  statusCode: number;
  /** Stable English name of what went wrong, for programs; `message` is for people. */
  code: string;
  message: string;
  errors?: FieldError[];
  currentRevision?: number;
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** When the client may try again (a Retry-After header): the failure is the server's and passes. */
  retryAfterSeconds?: number;
}

/**
 * A full disk needs an operator, a lost connection usually comes back within seconds: clients
 * (and their retry loops) are told to wait accordingly.
 */
export const STORE_FULL_RETRY_AFTER_SECONDS = 60;
export const STORE_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Chinese defaults for framework errors whose own message is English (e.g. an unknown route). */
const DEFAULT_MESSAGES: Record<number, { code: string; message: string }> = {
  400: { code: 'bad_request', message: '请求无效' },
  401: { code: 'unauthorized', message: '未登录或登录已失效，请重新登录' },
  403: { code: 'forbidden', message: '无权执行此操作' },
  404: { code: 'not_found', message: '请求的资源不存在' },
  405: { code: 'method_not_allowed', message: '不支持该请求方法' },
  409: { code: 'conflict', message: '当前状态不允许此操作' },
  412: { code: 'precondition_failed', message: '请求的前提条件不成立' },
  413: { code: 'payload_too_large', message: '请求体过大' },
  415: { code: 'unsupported_media_type', message: '请求体须为 JSON' },
  422: { code: 'unprocessable', message: '请求无法处理' },
  429: { code: 'too_many_requests', message: '请求过于频繁，请稍后再试' },
  500: { code: 'internal_error', message: '服务器内部错误' },
  503: { code: 'unavailable', message: '服务暂不可用，请稍后再试' },
};

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** Maps anything thrown while serving a request to the documented error shapes. */
export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof DomainError) return fromDomainError(exception);
  if (exception instanceof RevisionMismatchError) {
    return {
      status: HttpStatus.PRECONDITION_FAILED,
      body: {
        statusCode: HttpStatus.PRECONDITION_FAILED,
        code: 'revision_mismatch',
        message: exception.message,
        currentRevision: exception.currentRevision,
      },
    };
  }
  if (exception instanceof IdempotencyKeyReusedError) {
    return {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      body: { statusCode: HttpStatus.UNPROCESSABLE_ENTITY, code: 'idempotency_key_reused', message: exception.message },
    };
  }
  if (exception instanceof ConcurrencyExhaustedError || exception instanceof WrongExpectedRevisionError) {
    return conflict('concurrent_modification', '该建议正被其他人同时修改，请稍后重试');
  }
  if (exception instanceof StoreUnavailableError) return fromStoreUnavailable(exception);
  if (exception instanceof HttpException) return fromHttpException(exception);
  return fallback(500);
}

function fromDomainError(error: DomainError): ErrorResponse {
  const status = statusOfKind(error.kind);
  const body: ErrorBody = { statusCode: status, code: error.code, message: error.message };
  if (error.kind === 'invalid') body.errors = [{ field: error.field ?? '', message: error.message }];
  return { status, body };
}

function statusOfKind(kind: DomainErrorKind): number {
  switch (kind) {
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'not_found':
      return HttpStatus.NOT_FOUND;
    case 'conflict':
      return HttpStatus.CONFLICT;
    case 'invalid':
      return HttpStatus.BAD_REQUEST;
    default:
      return assertNever(kind, 'domain error kind');
  }
}

function fromHttpException(exception: HttpException): ErrorResponse {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const base = fallback(status).body;
  if (typeof response === 'object' && response !== null) {
    const given = response as Partial<ErrorBody> & { message?: unknown };
    const message = typeof given.message === 'string' && HAS_CHINESE.test(given.message) ? given.message : base.message;
    const body: ErrorBody = { statusCode: status, code: typeof given.code === 'string' ? given.code : base.code, message };
    if (Array.isArray(given.errors)) body.errors = given.errors;
    return { status, body };
  }
  const message = typeof response === 'string' && HAS_CHINESE.test(response) ? response : base.message;
  return { status, body: { ...base, message } };
}

/** Nothing was stored: the same request can be sent again once the store takes writes. */
function fromStoreUnavailable(error: StoreUnavailableError): ErrorResponse {
  const status = HttpStatus.SERVICE_UNAVAILABLE;
  if (error instanceof StoreFullError) {
    return {
      status,
      body: { statusCode: status, code: 'store_full', message: '数据存储空间已满，本次操作未保存，请稍后重试或联系管理员' },
      retryAfterSeconds: STORE_FULL_RETRY_AFTER_SECONDS,
    };
  }
  return {
    status,
    body: { statusCode: status, code: 'store_unavailable', message: '数据存储暂时不可用，本次操作未保存，请稍后重试' },
    retryAfterSeconds: STORE_UNAVAILABLE_RETRY_AFTER_SECONDS,
  };
}

function conflict(code: string, message: string): ErrorResponse {
  return { status: HttpStatus.CONFLICT, body: { statusCode: HttpStatus.CONFLICT, code, message } };
}

function fallback(status: number): ErrorResponse {
  const known = DEFAULT_MESSAGES[status] ?? (status >= 500 ? DEFAULT_MESSAGES[500]! : DEFAULT_MESSAGES[400]!);
  return { status, body: { statusCode: status, code: known.code, message: known.message } };
}
