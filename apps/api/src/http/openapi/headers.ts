import type { HeaderObject } from '@nestjs/swagger';

/** Response headers the concurrency and retry design rests on, described once. */
export const CORRELATION_ID_HEADER: HeaderObject = {
  description: '关联编号：请求带了合法的 X-Correlation-Id 时原样返回，否则为服务器生成的编号',
  schema: { type: 'string' },
};

export const ETAG_HEADER: HeaderObject = {
  description: '当前版本号（带引号，如 "3"），修改时作为 If-Match 发回',
  schema: { type: 'string', pattern: '^"\\d+"$' },
};

export const IDEMPOTENT_REPLAYED_HEADER: HeaderObject = {
  description: '为 true 时，本响应是同一 Idempotency-Key 首次请求的结果，本次未重复执行',
  schema: { type: 'string', enum: ['true'] },
};

export const RETRY_AFTER_HEADER: HeaderObject = {
  description: '建议等待的秒数，之后可原样重试',
  schema: { type: 'integer', minimum: 0 },
};
