import { BooleanQueryField, IdField } from '../http/validation/fields';

/** `?sessionId=&dryRun=&jobId=` of an upload. */
export class ImportQueryDto {
  @IdField('会次', { optional: true, description: '导入到哪个会次（届次/会次）；不填时与提交建议的默认会次相同' })
  sessionId?: string;

  @BooleanQueryField('试导入（true 时只检查并报告，不写入任何数据）')
  dryRun?: boolean;

  @IdField('导入任务编号', { optional: true, description: '由客户端生成；上传进行中可用 GET /api/imports/jobs/{jobId} 查看进度' })
  jobId?: string;
}
