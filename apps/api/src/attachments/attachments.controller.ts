import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ErrorBodyDoc } from '../http/openapi/error-body.doc';
import { ID_PATTERN } from '../http/validation/fields';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { ApiErrors } from '../http/openapi';
import { CommandContext, CommandCtx } from '../suggestions/http/command-context.decorator';
import { SuggestionId } from '../suggestions/http/suggestion-id.pipe';
import { CurrentUser } from '../auth/current-user.decorator';
import { toActor, type AuthUser } from '../auth/auth-user';
import { AttachmentDamagedError, AttachmentFiles, attachmentNotFound, type AttachmentContent, type UploadedFile } from './attachment-files';
import { ATTACHMENT_CONTENT_TYPES, AttachmentUploadDoc } from './attachment.doc';
import { contentDisposition } from './content-disposition';
import { FileUploadInterceptor } from './file-upload.interceptor';

const ATTACHMENT_ID = /^[A-Za-z0-9-]{1,100}_[0-9a-f]{16}$/;

const BINARY = { type: 'string', format: 'binary' } as const;
const FILE_RESPONSES = Object.fromEntries(ATTACHMENT_CONTENT_TYPES.map((type) => [type, { schema: BINARY }]));
const DAMAGED = {
  status: 500,
  description: '文件在磁盘上已被改动或缺失（attachment_damaged）：不提供下载，已记录日志',
  content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyDoc) } } },
};

/**
 * 附件: files of a suggestion (deputies' materials, units' signed answer letters). Uploads run through
 * the command pipeline (AttachmentAdded); reads are allowed to whoever may read the suggestion, and to
 * the public for the letters of a published answer.
 */
@ApiTags('attachments')
@Controller()
export class AttachmentsController {
  constructor(private readonly files: AttachmentFiles) {}

  @Post('suggestions/:id/attachments')
  @HttpCode(201)
  @ApiBearerAuth()
  @UseInterceptors(FileUploadInterceptor)
  @ApiOperation({ summary: '上传附件（提出建议的代表、被交办的承办单位、工作人员）：PDF、JPEG、PNG、DOCX，按内容识别' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: '一个文件' } } } })
  @ApiResponse({ status: 201, description: '已保存并记入建议', type: AttachmentUploadDoc })
  @ApiErrors(400, 403, 404, 409, 413, 503)
  upload(@SuggestionId() id: string, @Req() req: Request & { file?: UploadedFile }, @CommandCtx() ctx: CommandContext) {
    return this.files.upload(id, req.file, ctx);
  }

  @Get('attachments/:id')
  @ApiBearerAuth()
  @ApiOperation({ summary: '下载附件（能查看该建议的人；校验文件哈希）' })
  @ApiParam({ name: 'id', description: '附件编号' })
  @ApiQuery({ name: 'download', required: false, enum: ['1'], description: '1：作为下载（attachment）而非在浏览器中打开（inline）' })
  @ApiQuery({ name: 'via', required: false, description: '并案一并答复时：答复中附有此答复函的另一件建议的编号（能查看该建议即可读取）' })
  @ApiProduces(...ATTACHMENT_CONTENT_TYPES)
  @ApiResponse({ status: 200, description: '文件内容；Content-Disposition 带 RFC 5987 的 filename*（保留中文文件名）', content: FILE_RESPONSES })
  @ApiResponse(DAMAGED)
  @ApiErrors(404)
  async download(
    @Param('id') id: string,
    @Query('download') download: string | undefined,
    @Query('via') via: string | undefined,
    @CurrentUser() user: AuthUser,
    @Res() res: Response,
  ) {
    if (!ATTACHMENT_ID.test(id) || (via !== undefined && !ID_PATTERN.test(via))) throw attachmentNotFound();
    await this.send(res, () => this.files.readForViewer(id, toActor(user), via), download === '1');
  }

  @Get('public/attachments/:id')
  @Public()
  @ApiOperation({ summary: '已公开答复的答复函（无需登录）' })
  @ApiParam({ name: 'id', description: '附件编号' })
  @ApiQuery({ name: 'download', required: false, enum: ['1'], description: '1：作为下载而非在浏览器中打开' })
  @ApiQuery({ name: 'via', required: false, description: '并案一并答复时：答复中附有此答复函的另一件已公开建议的编号' })
  @ApiProduces(...ATTACHMENT_CONTENT_TYPES)
  @ApiResponse({ status: 200, description: '文件内容', content: FILE_RESPONSES })
  @ApiResponse(DAMAGED)
  @ApiErrors(404)
  async downloadPublic(@Param('id') id: string, @Query('download') download: string | undefined, @Query('via') via: string | undefined, @Res() res: Response) {
    if (!ATTACHMENT_ID.test(id) || (via !== undefined && !ID_PATTERN.test(via))) throw attachmentNotFound();
    await this.send(res, () => this.files.readPublic(id, via), download === '1');
  }

  private async send(res: Response, read: () => Promise<AttachmentContent>, asDownload: boolean): Promise<void> {
    let content: AttachmentContent;
    try {
      content = await read();
    } catch (error) {
      if (!(error instanceof AttachmentDamagedError)) throw error;
      res.status(500).json({ statusCode: 500, code: 'attachment_damaged', message: '附件文件已被改动或缺失，与记录的哈希不符，不予提供；已记录，请联系管理员' });
      return;
    }
    const { ref, bytes } = content;
    res.setHeader('Content-Type', ref.contentType);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Content-Disposition', contentDisposition(asDownload ? 'attachment' : 'inline', ref.name));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('Digest', `sha-256=${Buffer.from(ref.sha256, 'hex').toString('base64')}`);
    res.status(200).end(bytes);
  }
}
