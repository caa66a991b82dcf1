import { IntQueryField, TextField } from '../http/validation/fields';

export const PUBLIC_PAGE_SIZE_DEFAULT = 20;
export const PUBLIC_PAGE_SIZE_MAX = 100;

/** `GET /api/public/suggestions?q=&page=&pageSize=` (no token). */
export class PublicSuggestionsQueryDto {
  @TextField('关键词', 100, { optional: true })
  q?: string;

  @IntQueryField('页码', 1, 100000)
  page?: number;

  @IntQueryField('每页条数', 1, PUBLIC_PAGE_SIZE_MAX)
  pageSize?: number;
}
