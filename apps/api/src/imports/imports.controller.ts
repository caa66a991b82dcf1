import { Controller, Get, HttpCode, NotFoundException, Param, Post, Query, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { AuthUser, toActor } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { XLSX_TYPE, xlsxFile } from '../export/spreadsheet';
import { Ids, RequestIds } from '../http/correlation';
import { ApiErrors, ApiOk, ApiOkContent } from '../http/openapi';
import { ID_PATTERN } from '../http/validation/fields';
import { AssignmentPlanImport } from './assignment-plan-import';
import { ImportJobs, ImportProgress } from './import-jobs';
import { ImportQueryDto } from './import-query.dto';
import type { ImportReport } from './import-report';
import { ImportProgressDoc, ImportReportDoc, SHEET_UPLOAD_BODY } from './imports.doc';
import { ImportSessions } from './import-sessions';
import { SuggestionImport } from './suggestion-import';
import { ASSIGNMENT_COLUMNS, SUGGESTION_COLUMNS } from './sheet-columns';
import { buildTemplate } from './template';
import type { SheetImportRequest } from './sheet-import-request';
import { SheetFile, SheetUploadInterceptor, UploadedSheet } from './upload.interceptor';

const SUGGESTION_INSTRUCTIONS = [
  '每行一件建议，从第 2 行起填写；表头（第 1 行）不要修改，列的顺序可以调整，多余的列会被忽略。',
  '领衔代表、附议代表填写代表的登录名或姓名；多位附议代表用 、 或 ， 分隔。',
  '上传前可先「试导入」：只检查并列出每一行的问题，不写入任何数据。',
  '有问题的行不会导入，其余行照常导入；改正后可再次上传同一文件，已导入的行会自动跳过，不会重复。',
];
const ASSIGNMENT_INSTRUCTIONS = [
  '每行一件已立案的建议，编号为本会次的建议编号（立案号）。',
  '承办单位填写单位名称或单位代码，多个单位用 、 或 ， 分隔；主办协办方式须另填主办单位。',
  '每一行单独交办，单独报告结果：某一行有问题不影响其他行。',
];

/**
 * 批量导入: staff download a template, fill or paste it, upload it into a session, and read a
 * per-row report. An upload answers when it is done; while it runs, the client may watch the job
 * it named (`?jobId=`) at `GET /api/imports/jobs/:jobId`.
 */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly suggestions: SuggestionImport,
    private readonly plans: AssignmentPlanImport,
    private readonly jobs: ImportJobs,
    private readonly sessions: ImportSessions,
  ) {}

  @Get('suggestions/template.xlsx')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: '下载代表建议导入模板（Excel）：标题、内容、领衔代表、附议代表、代表团等列，附填写说明' })
  @ApiOkContent(XLSX_TYPE, 'Excel 工作簿', { type: 'string', format: 'binary' })
  @ApiErrors(403)
  async suggestionTemplate(): Promise<StreamableFile> {
    return xlsxFile(await buildTemplate('代表建议', SUGGESTION_COLUMNS, SUGGESTION_INSTRUCTIONS), 'suggestion-import-template', '代表建议导入模板');
  }

  @Post('suggestions')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @UseInterceptors(SheetUploadInterceptor)
  @ApiOperation({ summary: '导入代表建议（Excel，multipart 字段 file）：逐行检查，逐行报告；有问题的行不写入，已导入过的行跳过；dryRun=true 只检查不写入' })
  @ApiConsumes('multipart/form-data')
  @ApiBody(SHEET_UPLOAD_BODY)
  @ApiOk(ImportReportDoc)
  @ApiErrors(400, 403, 413, 503)
  async importSuggestions(@SheetFile() file: UploadedSheet, @Query() query: ImportQueryDto, @CurrentUser() user: AuthUser, @Ids() ids: RequestIds): Promise<ImportReport> {
    const delegations = await this.sessions.delegations();
    return this.upload(file, query, user, ids, (request) => this.suggestions.run({ ...request, delegations }));
  }

  @Get('assignments/template.xlsx')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: '下载交办方案导入模板（Excel）：编号、承办单位、办理方式、主办单位，附填写说明' })
  @ApiOkContent(XLSX_TYPE, 'Excel 工作簿', { type: 'string', format: 'binary' })
  @ApiErrors(403)
  async assignmentTemplate(): Promise<StreamableFile> {
    return xlsxFile(await buildTemplate('交办方案', ASSIGNMENT_COLUMNS, ASSIGNMENT_INSTRUCTIONS), 'assignment-plan-template', '交办方案导入模板');
  }

  @Post('assignments')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @UseInterceptors(SheetUploadInterceptor)
  @ApiOperation({ summary: '导入交办方案（Excel，multipart 字段 file）：按编号逐件交办，逐行报告；已按同一方案交办的跳过；dryRun=true 只检查不交办' })
  @ApiConsumes('multipart/form-data')
  @ApiBody(SHEET_UPLOAD_BODY)
  @ApiOk(ImportReportDoc)
  @ApiErrors(400, 403, 413, 503)
  async importAssignments(@SheetFile() file: UploadedSheet, @Query() query: ImportQueryDto, @CurrentUser() user: AuthUser, @Ids() ids: RequestIds): Promise<ImportReport> {
    return this.upload(file, query, user, ids, (request) => this.plans.run(request));
  }

  @Get('jobs/:jobId')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: '导入进度：上传时以 ?jobId= 指定的任务，只有上传者本人可以查看' })
  @ApiOk(ImportProgressDoc)
  @ApiErrors(403, 404)
  job(@Param('jobId') jobId: string, @CurrentUser() user: AuthUser): ImportProgress {
    const progress = ID_PATTERN.test(jobId) ? this.jobs.get(jobId, user.id) : null;
    if (!progress) throw new NotFoundException('导入任务不存在或已过期');
    return progress;
  }

  /** Resolves the session, then runs the import as a job the uploader can watch. */
  private async upload(
    file: UploadedSheet,
    query: ImportQueryDto,
    user: AuthUser,
    ids: RequestIds,
    run: (request: SheetImportRequest) => Promise<ImportReport>,
  ): Promise<ImportReport> {
    const sessionId = await this.sessions.resolve(query.sessionId);
    return this.tracked(query.jobId, user, (progress) =>
      run({
        buffer: file.buffer,
        sessionId,
        dryRun: query.dryRun === true,
        actor: toActor(user),
        options: { correlationId: ids.correlationId, causationId: ids.requestId },
        progress,
      }),
    );
  }

  private async tracked(jobId: string | undefined, user: AuthUser, work: (progress: ImportProgress) => Promise<ImportReport>): Promise<ImportReport> {
    const id = jobId ?? randomUUID();
    const progress = this.jobs.start(id, user.id);
    try {
      const report = await work(progress);
      this.jobs.finish(id, 'done');
      return report;
    } catch (error) {
      this.jobs.finish(id, 'failed');
      throw error;
    }
  }
}
