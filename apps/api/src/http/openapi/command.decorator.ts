import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProperty, ApiResponse } from '@nestjs/swagger';
import { ApiErrors } from './api-errors.decorator';
import { ETAG_HEADER, IDEMPOTENT_REPLAYED_HEADER } from './headers';

/** What every command answers (commands/command-outcome.ts). */
export class CommandOutcomeDoc {
  @ApiProperty({ description: '被修改的对象的编号（提交建议时为新建议的编号）' })
  id!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: '修改后的版本号（与 ETag 相同），下次修改时作为 If-Match 发回' })
  revision!: number;
  @ApiProperty({ description: '全局位置：作为查询的 ?after= 传入，即可读到本次修改' })
  position!: string;
}

export const IF_MATCH_HEADER = { name: 'If-Match', required: false, description: '期望的版本号，例如 "3"；已过期则返回 412 且不做任何修改' };
export const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: '幂等键：同一用户以同一键重发同一请求时返回首次结果（带 Idempotent-Replayed: true）且不重复执行；同一键用于不同请求返回 422',
};

/**
 * A command route run through the command pipeline: If-Match and Idempotency-Key apply, the
 * answer is a CommandOutcome with its ETag, and the pipeline's refusals are declared.
 */
export function ApiCommand(summary: string, options: { status?: 200 | 201 } = {}): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiHeader(IF_MATCH_HEADER),
    ApiHeader(IDEMPOTENCY_KEY_HEADER),
    ApiCommandResult(options.status ?? 200),
    ApiErrors(400, 403, 404, 409, 412, 422, 503),
  );
}

/** The CommandOutcome answer with its ETag, for command routes outside the suggestion pipeline's routes. */
export function ApiCommandResult(status: 200 | 201 = 200): MethodDecorator {
  return ApiResponse({
    status,
    description: '已执行（或同一幂等键的首次结果）',
    type: CommandOutcomeDoc,
    headers: { ETag: ETAG_HEADER, 'Idempotent-Replayed': IDEMPOTENT_REPLAYED_HEADER },
  });
}
