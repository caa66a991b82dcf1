import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AfterQueryDto } from '../../read-consistency/after-query.dto';

/** `GET /api/suggestions/:id/timeline?withDeadlines=1`: also how each deadline went. */
export class TimelineQueryDto extends AfterQueryDto {
  @IsOptional()
  @ApiProperty({ required: false, enum: ['1', '0', 'true', 'false'], description: '为 1 时返回 { entries, deadlines }：时间线及每个期限是否按时完成' })
  @IsIn(['1', '0', 'true', 'false'], { message: 'withDeadlines 只能是 1 或 0' })
  withDeadlines?: string;

  wantsDeadlines(): boolean {
    return this.withDeadlines === '1' || this.withDeadlines === 'true';
  }
}
