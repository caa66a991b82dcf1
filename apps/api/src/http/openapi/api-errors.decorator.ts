import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath, type ReferenceObject, type SchemaObject } from '@nestjs/swagger';
import { ErrorBodyDoc } from './error-body.doc';
import { RETRY_AFTER_HEADER } from './headers';

/** What each error status means across the API; the body is always ErrorBodyDoc. */
export const ERROR_DESCRIPTIONS = {
  400: '请求参数有误（validation_failed，errors 列出每个字段），或违反业务规则的输入',
  401: '未登录或令牌已失效（unauthorized）',
  403: '当前角色无权执行此操作（forbidden 或业务规则的代码）',
  404: '资源不存在或当前用户无权查看（not_found）',
  409: '当前状态不允许此操作（业务规则的代码），或同时修改（concurrent_modification）',
  412: 'If-Match 的版本已过期（revision_mismatch，currentRevision 为当前版本），未做任何修改',
  413: '请求体过大（payload_too_large）',
  415: '请求体须为 application/json（unsupported_media_type）',
  422: '同一 Idempotency-Key 用于了不同的请求（idempotency_key_reused）',
  429: '请求过于频繁（too_many_requests），按 Retry-After 等待后重试',
  503: '暂时无法完成（store_full、store_unavailable、read_model_behind），未保存任何修改，按 Retry-After 等待后可原样重试',
} as const;

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/**
 * The statuses whose `code` is a closed set, made only by the HTTP layer (http/error-response.ts,
 * the login throttle, the export slots, the read-after wait): a client can switch on them. The
 * codes of 400, 403, 404 and 409 include the domain's rule codes, which grow with the rules.
 */
export const CLOSED_ERROR_CODES: Partial<Record<ErrorStatus, readonly string[]>> = {
  401: ['unauthorized'],
  412: ['revision_mismatch', 'precondition_failed'],
  413: ['payload_too_large'],
  415: ['unsupported_media_type'],
  422: ['idempotency_key_reused', 'unprocessable'],
  429: ['too_many_requests', 'login_locked', 'login_rate_limited', 'export_busy'],
  503: ['store_full', 'store_unavailable', 'read_model_behind', 'unavailable'],
};

/** The shared error body, narrowed to the closed code set of the status where there is one. */
export function errorBodySchema(status: ErrorStatus): SchemaObject | ReferenceObject {
  const ref = { $ref: getSchemaPath(ErrorBodyDoc) };
  const codes = CLOSED_ERROR_CODES[status];
  return codes === undefined ? ref : { allOf: [ref, { type: 'object', properties: { code: { type: 'string', enum: [...codes] } } }] };
}

const WITH_RETRY_AFTER: ReadonlySet<number> = new Set([429, 503]);

/** Declares the error statuses an operation can answer, each with the shared error body. */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: ERROR_DESCRIPTIONS[status],
        // Always JSON, also on routes whose success is a file or text (ApiProduces would apply to `type`).
        content: { 'application/json': { schema: errorBodySchema(status) } },
        ...(WITH_RETRY_AFTER.has(status) ? { headers: { 'Retry-After': RETRY_AFTER_HEADER } } : {}),
      }),
    ),
  );
}
