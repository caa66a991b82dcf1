import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';

/** `GET /api/events/stream?access_token=<jwt>`: the token is read by the middleware, declared here so it is allowed. */
export class StreamQueryDto {
  @IsOptional()
  @ApiProperty({ required: false, description: '访问令牌（EventSource 无法发送请求头时使用）' })
  @IsString({ message: 'access_token 必须是文本' })
  @MaxLength(4096, { message: 'access_token 过长' })
  access_token?: string;
}
