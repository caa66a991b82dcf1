import { SUGGESTION_STATUSES, SuggestionStatus } from '@duban/domain';
import type { SuggestionListFilter } from '@duban/read-models';
import {
  BooleanQueryField,
  EnumField,
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
    if (this.sessionId !== undefined) filter.sessionId = this.sessionId;
    if (this.year !== undefined) filter.year = this.year;
    if (this.delegationId !== undefined) filter.delegationId = this.delegationId;
    return filter;
  }
}
