import { IntQueryField } from '../../http/validation/fields';
import { AfterQueryDto } from '../../read-consistency/after-query.dto';

export const INBOX_PAGE_SIZE_DEFAULT = 20;
export const INBOX_PAGE_SIZE_MAX = 100;

/** `GET /api/inbox?page=&pageSize=&after=`: newest first. */
export class InboxQueryDto extends AfterQueryDto {
  @IntQueryField('页码', 1, 100000)
  page?: number;

  @IntQueryField('每页条数', 1, INBOX_PAGE_SIZE_MAX)
  pageSize?: number;
}
