import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsString, Matches } from 'class-validator';

/** Notification ids are derived from event ids (and the person they concern): short tokens. */
export const NOTIFICATION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,159}$/;
export const MARK_READ_MAX = 500;

/** `POST /api/inbox/read {ids}`: marks these notifications of the caller as read. */
export class MarkReadDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: MARK_READ_MAX, description: '要标记为已读的通知编号' })
  @IsArray({ message: '通知编号必须是数组' })
  @ArrayMinSize(1, { message: '通知编号至少 1 项' })
  @ArrayMaxSize(MARK_READ_MAX, { message: `通知编号最多 ${MARK_READ_MAX} 项` })
  @ArrayUnique({ message: '通知编号不能有重复项' })
  @IsString({ each: true, message: '通知编号的每一项必须是文本' })
  @Matches(NOTIFICATION_ID_PATTERN, { each: true, message: '通知编号中有格式无效的编号' })
  ids!: string[];
}
