import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, switchMap, type Observable } from 'rxjs';
import { AttachmentFiles } from './attachment-files';

interface MulterError extends Error {
  code?: string;
}
type Middleware = (req: Request, res: Response, done: (error?: unknown) => void) => void;
interface MulterFactory {
  (options: { storage: unknown; limits: Record<string, number> }): { single(field: string): Middleware };
  memoryStorage(): unknown;
}
// multer ships with Nest's Express platform (no types of its own are installed).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const multer = require('multer') as MulterFactory;

/**
 * Reads the multipart field `file` into memory with the configured size limit. Past the limit the
 * upload is cut off as it arrives and answered 413: nothing of it reaches the disk.
 */
@Injectable()
export class FileUploadInterceptor implements NestInterceptor {
  private readonly middleware: Middleware;
  private readonly maxMb: number;

  constructor(files: AttachmentFiles) {
    this.maxMb = Math.round(files.settings.maxBytes / 1024 / 1024);
    this.middleware = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: files.settings.maxBytes, files: 1, fields: 4, parts: 5, fieldSize: 1024 },
    }).single('file');
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const parsed = new Promise<void>((resolve, reject) => {
      this.middleware(req, res, (error) => (error ? reject(this.translate(error as MulterError)) : resolve()));
    });
    return from(parsed).pipe(switchMap(() => next.handle()));
  }

  private translate(error: MulterError): unknown {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return new HttpException({ code: 'payload_too_large', message: `文件过大：单个附件不能超过 ${this.maxMb} MB` }, 413);
      case 'LIMIT_FILE_COUNT':
      case 'LIMIT_UNEXPECTED_FILE':
      case 'LIMIT_PART_COUNT':
      case 'LIMIT_FIELD_COUNT':
        return new HttpException({ code: 'bad_request', message: '每次只能上传一个文件，表单字段名为 file', errors: [{ field: 'file', message: '每次只能上传一个文件' }] }, 400);
      default:
        // Anything else the multipart parser trips over (no boundary, a truncated body) is the sender's.
        return new HttpException({ code: 'bad_request', message: '上传的表单格式无效（应为 multipart/form-data，字段 file）' }, 400);
    }
  }
}
