import { applyDecorators, type Type } from '@nestjs/common';
import { ApiProduces, ApiResponse } from '@nestjs/swagger';

/** The success answer of a JSON route: its status and the class describing its body. */
export function ApiOk(type: Type<unknown> | [Type<unknown>], options: { status?: 200 | 201; description?: string } = {}): MethodDecorator {
  return ApiResponse({ status: options.status ?? 200, description: options.description ?? '成功', type });
}

/** A route whose answer is not JSON (a stream, a file, plain text). */
export function ApiOkContent(mediaType: string, description: string, schema: { type: 'string'; format?: string } = { type: 'string' }): MethodDecorator {
  return applyDecorators(
    ApiProduces(mediaType),
    ApiResponse({ status: 200, description, content: { [mediaType]: { schema } } }),
  );
}
