import { ApiProperty } from '@nestjs/swagger';

/** The answer of an upload, and each attachment as a view lists it. */
export class AttachmentUploadDoc {
  @ApiProperty({ description: '附件编号，答复时放入 attachmentIds；下载：GET /api/attachments/{id}' }) id!: string;
  @ApiProperty({ description: '文件内容的 SHA-256（十六进制），记入事件，审计链据此覆盖文件', pattern: '^[0-9a-f]{64}$' }) sha256!: string;
  @ApiProperty({ description: '上传时的文件名' }) name!: string;
  @ApiProperty({ type: 'integer', description: '字节数' }) size!: number;
  @ApiProperty({
    enum: ['application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    description: '按文件内容识别的类型',
  })
  contentType!: string;
  @ApiProperty({ type: 'integer', description: '建议上传后的版本号' }) revision!: number;
  @ApiProperty({ description: '全局位置：作为查询的 ?after= 传入，即可读到本次上传' }) position!: string;
}

export const ATTACHMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
