import { IsOptional, IsString, Matches } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';

/** `?after=<position>`: wait until the read model includes a write (the command's `position`). */
export class AfterQueryDto {
  @IsOptional()
  @ApiProperty({ required: false, description: '命令返回的 position：等读模型包含该写入后再查询（最多 2 秒）' })
  @IsString({ message: 'after 必须是文本' })
  @Matches(/^\d{1,20}(:\d{1,20})?$/, { message: 'after 须为命令返回的 position，例如 42' })
  after?: string;
}
