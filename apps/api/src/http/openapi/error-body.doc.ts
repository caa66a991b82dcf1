import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One refused field of a 400 answer. */
export class FieldErrorDoc {
  @ApiProperty({ description: '出错的字段（嵌套字段以 . 连接，如 commitments.0.dueAt；整个请求体为空串）' })
  field!: string;
  @ApiProperty({ description: '中文说明' })
  message!: string;
}

/**
 * The one error body every 4xx and 5xx answer carries (built by http/error-response.ts): `code`
 * is for programs, `message` for people.
 */
export class ErrorBodyDoc {
  @ApiProperty({ type: 'integer', description: 'HTTP 状态码（与响应状态相同）' })
  statusCode!: number;
  @ApiProperty({
    description:
      '稳定的英文错误代码，供程序判断：validation_failed、bad_request、unauthorized、forbidden、not_found、conflict、concurrent_modification、' +
      'revision_mismatch、precondition_failed、payload_too_large、unsupported_media_type、idempotency_key_reused、unprocessable、too_many_requests、' +
      'read_model_behind、store_full、store_unavailable、unavailable、internal_error，以及业务规则的代码（如 invalid_transition）',
    example: 'validation_failed',
  })
  code!: string;
  @ApiProperty({ description: '给人看的中文说明' })
  message!: string;
  @ApiPropertyOptional({ type: [FieldErrorDoc], description: '400：每个出错字段及其原因' })
  errors?: FieldErrorDoc[];
  @ApiPropertyOptional({ type: 'integer', description: '412：服务器上的当前版本号' })
  currentRevision?: number;
}
