import { BadRequestException, CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, createParamDecorator } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';

/** A workbook of 20,000 rows of real suggestions is about 10 MB; twice that is plainly not an import. */
export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** The uploaded file as multer's memory storage gives it. */
export interface UploadedSheet {
  originalname: string;
  size: number;
  buffer: Buffer;
}

type MulterError = Error & { code?: string };
type Middleware = (req: Request, res: Response, next: (error?: unknown) => void) => void;

const parseFile: Middleware = (() => {
  // multer ships with @nestjs/platform-express; its types are not installed, so only what is used is typed here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const multer = require('multer') as (options: object) => { single(field: string): Middleware };
  return multer({ storage: (multer as unknown as { memoryStorage(): object }).memoryStorage(), limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 10 } }).single('file');
})();

/**
 * Reads the multipart field `file` into memory, with the errors a person can act on, in Chinese:
 * too large (413), not multipart or no file (400).
 */
@Injectable()
export class SheetUploadInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { file?: UploadedSheet }>();
    if (!req.is('multipart/form-data')) throw missingFile('请以 multipart/form-data 上传文件（字段名 file）');
    await new Promise<void>((resolve, reject) => {
      parseFile(req, http.getResponse<Response>(), (error?: unknown) => (error ? reject(translate(error as MulterError)) : resolve()));
    });
    if (!req.file) throw missingFile('请选择要上传的 Excel 文件（字段名 file）');
    return next.handle();
  }
}

/** The file the interceptor read. */
export const SheetFile = createParamDecorator((_data: unknown, context: ExecutionContext): UploadedSheet => {
  return context.switchToHttp().getRequest<Request & { file: UploadedSheet }>().file;
});

function translate(error: MulterError): HttpException {
  if (error.code === 'LIMIT_FILE_SIZE') {
    return new HttpException({ statusCode: 413, code: 'payload_too_large', message: `文件不能超过 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB，请拆分后分批上传` }, 413);
  }
  if (error.code === 'LIMIT_UNEXPECTED_FILE' || error.code === 'LIMIT_FILE_COUNT') return missingFile('只能上传一个文件，字段名须为 file');
  return missingFile('上传的内容无法读取，请重新选择文件上传');
}

function missingFile(message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, code: 'validation_failed', message, errors: [{ field: 'file', message }] });
}
