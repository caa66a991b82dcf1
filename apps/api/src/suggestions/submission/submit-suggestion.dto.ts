import type { SuggestionCommand } from '@duban/domain';
import { BooleanField, IdField, IdListField, TextField, USER_ID_PATTERN, UserIdField } from '../../http/validation/fields';
import { CONTENT_MAX, TITLE_MAX } from '../dto/limits';

export class SubmitSuggestionDto {
  @TextField('标题', TITLE_MAX)
  title!: string;

  @TextField('正文', CONTENT_MAX)
  content!: string;

  @IdListField('附议代表', { optional: true, pattern: USER_ID_PATTERN, description: '附议代表的登录名' })
  coSignerIds?: string[];

  @BooleanField('公开时隐去代表姓名', { optional: true, description: '为 true 时，建议公开时不显示代表姓名' })
  hideDeputyName?: boolean;

  @IdField('会次', { optional: true, description: '建议所属会次；不填时为当日所在的大会期间会次，否则为当前闭会期间' })
  sessionId?: string;

  @UserIdField('领衔代表', { optional: true, description: '仅工作人员、管理员代代表登记时填写（且必须填写）：领衔代表的登录名' })
  leadDeputyId?: string;

  @BooleanField('以代表团名义提出', { optional: true, description: '为 true 时，代表以其所在代表团的名义提出，由代表团团长评价' })
  byDelegation?: boolean;

  /** `session` and `delegationId` resolved by the controller (the session's stream, the deputy's account). */
  toCommand(suggestionId: string, sessionId: string, delegation?: { delegationId: string; headDeputyId?: string }): SuggestionCommand {
    return {
      type: 'SubmitSuggestion',
      data: {
        suggestionId,
        title: this.title.trim(),
        content: this.content,
        coSignerIds: this.coSignerIds ?? [],
        // Only a request to hide is recorded; the event's absent flag reads as "show".
        ...(this.hideDeputyName === true ? { hideDeputyName: true } : {}),
        sessionId,
        ...(this.leadDeputyId !== undefined ? { leadDeputyId: this.leadDeputyId } : {}),
        ...(delegation !== undefined ? { delegationId: delegation.delegationId } : {}),
        ...(delegation?.headDeputyId !== undefined ? { delegationHeadId: delegation.headDeputyId } : {}),
      },
    };
  }
}
