import { Module } from '@nestjs/common';
import { AttachmentFiles } from './attachment-files';
import { AttachmentSweeper } from './attachment-sweeper';
import { AttachmentsController } from './attachments.controller';
import { FileUploadInterceptor } from './file-upload.interceptor';

/** 附件: upload, download (signed in and public), and the sweep of uploads never used. */
@Module({
  controllers: [AttachmentsController],
  providers: [AttachmentFiles, AttachmentSweeper, FileUploadInterceptor],
  exports: [AttachmentFiles, AttachmentSweeper],
})
export class AttachmentsModule {}
