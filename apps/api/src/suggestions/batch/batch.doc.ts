import { ApiProperty } from '@nestjs/swagger';

/** One item of a batch answer (suggestions/batch/batch-result.ts). */
export class BatchItemResultDoc {
  @ApiProperty({ description: '建议编号' }) id!: string;
  @ApiProperty({ type: 'integer', description: '这一件单独请求时会得到的 HTTP 状态码：200 成功，其余为拒绝（如 404 不存在、409 状态不允许）' })
  status!: number;
  @ApiProperty({ type: 'integer', required: false, description: '成功时：修改后的版本号' }) revision?: number;
  @ApiProperty({ required: false, description: '成功时：全局位置' }) position?: string;
  @ApiProperty({ required: false, description: '失败时：错误代码（与单独请求相同）' }) code?: string;
  @ApiProperty({ required: false, description: '失败时：原因' }) message?: string;
}

export class BatchResultDoc {
  @ApiProperty({ type: [BatchItemResultDoc], description: '每件建议的结果，顺序与请求相同' }) results!: BatchItemResultDoc[];
  @ApiProperty({ type: String, nullable: true, description: '成功各件中最新的位置，作为 ?after= 传入即可读到全部修改' }) position!: string | null;
}
