import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ErrorBodyDoc, FieldErrorDoc } from './openapi/error-body.doc';
import { completeDocument } from './openapi/complete-document';
import { operationId } from './openapi/operation-ids';

/**
 * OpenAPI at /api/docs (JSON at /api/docs-json), open without a token. The document is built on
 * the first request for it, not at start-up: scanning every controller costs ~0.3 s that would
 * otherwise delay readiness (S7) for a page few callers open.
 */
export function setUpSwagger(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('督办 Duban API')
    .setDescription(
      '人大代表建议办理与大督办：事件溯源服务。除登录、健康检查、指标、公开建议和本文档外，所有接口都需要 Bearer 令牌（POST /api/auth/login 取得）。' +
        '所有错误响应的响应体均为 ErrorBodyDoc。修改类接口返回新版本号（ETag），下次修改时以 If-Match 发回；带 Idempotency-Key 可安全重试。',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup(
    'api/docs',
    app,
    () => completeDocument(SwaggerModule.createDocument(app, config, { extraModels: [ErrorBodyDoc, FieldErrorDoc], operationIdFactory: operationId }), '/'),
    { jsonDocumentUrl: 'api/docs-json' },
  );
}
