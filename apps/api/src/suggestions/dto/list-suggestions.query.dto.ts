import { BadRequestException } from '@nestjs/common';
import { addDays, endOfShanghaiDay, isLocalDate, SUGGESTION_STATUSES, SuggestionStatus } from '@duban/domain';
import { SUGGESTION_LIST_SORTS, type SuggestionListFilter, type SuggestionListSort } from '@duban/read-models';
import {
  BooleanQueryField,
  DateField,
  EnumField,
  EnumListQueryField,
  IdField,
  IntQueryField,
  TextField,
  UserIdField,
} from '../../http/validation/fields';
import { AfterQueryDto } from '../../read-consistency/after-query.dto';

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

export class ListSuggestionsQueryDto extends AfterQueryDto {
  @EnumField('状态', SUGGESTION_STATUSES, { optional: true })
  status?: SuggestionStatus;

  @IdField('承办单位', { optional: true })
  unitId?: string;

  @UserIdField('代表', { optional: true })
  deputyId?: string;

  @BooleanQueryField('是否超期')
  overdue?: boolean;

  @BooleanQueryField('是否重点督办')
  keySupervised?: boolean;

  @TextField('关键词', 100, { optional: true, description: '匹配标题、正文或建议编号（第12号、12、0012）' })
  q?: string;

  @EnumListQueryField('状态（多个）', SUGGESTION_STATUSES)
  statuses?: SuggestionStatus[];

  @IdField('答复类别', { optional: true, description: '答复类别代码（如 A）：当前交办中有单位的答复属于该类别' })
  category?: string;

  @BooleanQueryField('是否有待审批的退回或延期申请')
  pendingRequest?: boolean;

  @DateField('提出日期起', { optional: true, description: '提出时间的起点（含），日期按北京时间的整天，例如 2026-01-01' })
  submittedFrom?: string;

  @DateField('提出日期止', { optional: true, description: '提出时间的终点（日期含当日），例如 2026-12-31' })
  submittedTo?: string;

  @EnumField('排序字段', SUGGESTION_LIST_SORTS, { optional: true, description: '排序字段，默认按期限（无期限的在后）' })
  sort?: SuggestionListSort;

  @EnumField('排序方向', ['asc', 'desc'], { optional: true, description: '排序方向，默认 asc' })
  order?: 'asc' | 'desc';
  @IdField('会次', { optional: true })
  sessionId?: string;

  @IntQueryField('年度', 2000, 2100)
  year?: number;

  @IdField('代表团', { optional: true })
  delegationId?: string;

  @IntQueryField('页码', 1, 100000)
  page?: number;

  @IntQueryField('每页条数', 1, PAGE_SIZE_MAX)
  pageSize?: number;

  toFilter(): SuggestionListFilter {
    const filter: SuggestionListFilter = { page: this.page ?? 1, pageSize: this.pageSize ?? PAGE_SIZE_DEFAULT };
    if (this.status !== undefined) filter.status = this.status;
    if (this.unitId !== undefined) filter.unitId = this.unitId;
    if (this.deputyId !== undefined) filter.deputyId = this.deputyId;
    if (this.overdue !== undefined) filter.overdue = this.overdue;
    if (this.keySupervised !== undefined) filter.keySupervised = this.keySupervised;
    if (this.q !== undefined && this.q.trim() !== '') filter.q = this.q.trim();
    if (this.statuses !== undefined) filter.statuses = [...new Set(this.statuses)];
    if (this.category !== undefined) filter.category = this.category;
    if (this.pendingRequest !== undefined) filter.pendingRequest = this.pendingRequest;
    if (this.submittedFrom !== undefined) filter.submittedFrom = startInstant(this.submittedFrom);
    if (this.submittedTo !== undefined) filter.submittedTo = endInstant(this.submittedTo);
    if (filter.submittedFrom !== undefined && filter.submittedTo !== undefined && filter.submittedFrom > filter.submittedTo) {
      throw new BadRequestException({
        statusCode: 400,
        code: 'validation_failed',
        message: '请求参数有误',
        errors: [{ field: 'submittedTo', message: '提出日期止不能早于提出日期起' }],
      });
    }
    if (this.sort !== undefined) filter.sort = this.sort;
    if (this.order !== undefined) filter.order = this.order;
    if (this.sessionId !== undefined) filter.sessionId = this.sessionId;
    if (this.year !== undefined) filter.year = this.year;
    if (this.delegationId !== undefined) filter.delegationId = this.delegationId;
    return filter;
  }
}

/** A date is the whole day in Beijing time: it starts at 00:00 +08:00 (the previous day's end). */
function startInstant(value: string): string {
  return isLocalDate(value) ? endOfShanghaiDay(addDays(value, -1)) : new Date(value).toISOString();
}

/** …and ends at the next day's 00:00 +08:00, so `submittedTo=2026-12-31` includes that day. */
function endInstant(value: string): string {
  return isLocalDate(value) ? endOfShanghaiDay(value) : new Date(value).toISOString();
}
