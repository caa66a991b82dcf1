import { ApiProperty } from '@nestjs/swagger';

export class RowErrorDoc {
  @ApiProperty({ type: 'integer', description: '电子表格中的行号（表头为第 1 行）' }) row!: number;
  @ApiProperty({ required: false, description: '出错的列（表头文字）；整行的问题不填' }) column?: string;
  @ApiProperty({ description: '原因' }) message!: string;
}

export class ImportReportDoc {
  @ApiProperty({ type: 'integer', description: '新建的条数（试导入时：将会新建的条数）' }) created!: number;
  @ApiProperty({ type: 'integer', description: '此前已导入、本次跳过的条数' }) skipped!: number;
  @ApiProperty({ type: [RowErrorDoc], description: '未导入的行及原因，按行号排列；这些行没有写入任何数据' }) errors!: RowErrorDoc[];
  @ApiProperty({ type: 'integer', description: '读到的数据行数（空行不计）' }) rows!: number;
  @ApiProperty({ description: '是否为试导入' }) dryRun!: boolean;
  @ApiProperty({ type: String, nullable: true, description: '写入的最新位置，作为 ?after= 传入即可读到导入的建议；未写入时为 null' }) position!: string | null;
}

export class ImportProgressDoc {
  @ApiProperty() jobId!: string;
  @ApiProperty({ enum: ['reading', 'checking', 'writing', 'done', 'failed'], description: '读取文件、逐行检查、写入、完成、失败' }) phase!: string;
  @ApiProperty({ type: 'integer', description: '数据行数' }) total!: number;
  @ApiProperty({ type: 'integer', description: '当前阶段已处理的行数' }) done!: number;
  @ApiProperty({ type: 'integer' }) created!: number;
  @ApiProperty({ type: 'integer' }) skipped!: number;
  @ApiProperty({ type: 'integer', description: '未导入的行数' }) refused!: number;
}

/** The multipart body of an upload. */
export const SHEET_UPLOAD_BODY = {
  schema: {
    type: 'object' as const,
    required: ['file'],
    properties: { file: { type: 'string' as const, format: 'binary', description: 'Excel 工作簿（.xlsx），格式见导入模板' } },
  },
};
