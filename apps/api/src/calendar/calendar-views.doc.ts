import { ApiProperty } from '@nestjs/swagger';

export class CalendarYearDoc {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['notice', 'package', 'computed'], description: 'notice 已载入的放假通知（覆盖文件或管理员上传）；package 日历数据包；computed 按法定节假日推算（暂定）' })
  source!: string;
  @ApiProperty({ description: '暂定：尚无国务院正式放假通知，按法定节假日推算，不含调休' }) provisional!: boolean;
  @ApiProperty({ description: '放假日（工作日中放假的日子与节日当天）的个数' }) holidayCount!: number;
  @ApiProperty({ description: '调休上班的周末的个数' }) workdayCount!: number;
}

export class CalendarStatusDoc {
  @ApiProperty({ type: [CalendarYearDoc], description: '去年到后年各年的日历来源' }) years!: CalendarYearDoc[];
}

export class CalendarUploadResultDoc {
  @ApiProperty({ type: [Number], description: '本次载入的年份' }) loaded!: number[];
  @ApiProperty({ type: [Number], description: '此前为暂定、现已有正式通知的年份（据此重算期限）' }) nowOfficial!: number[];
  @ApiProperty({ description: '检查的建议件数（可能有未到期期限的）' }) checked!: number;
  @ApiProperty({ description: '期限被重算并记录 DeadlinesRecomputed 的建议件数' }) changed!: number;
  @ApiProperty({ description: '被改动的截止时间个数' }) deadlinesMoved!: number;
  @ApiProperty({ description: '重算失败的建议件数（见服务日志）' }) failed!: number;
}
