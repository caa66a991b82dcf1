import type { SuggestionCommand } from '@duban/domain';
import { BooleanField, IdListField, TextField, USER_ID_PATTERN } from '../../http/validation/fields';
import { CONTENT_MAX, TITLE_MAX } from './limits';

export class SubmitSuggestionDto {
  @TextField('标题', TITLE_MAX)
  title!: string;

  @TextField('正文', CONTENT_MAX)
  content!: string;

  @IdListField('附议代表', { optional: true, pattern: USER_ID_PATTERN, description: '附议代表的登录名' })
  coSignerIds?: string[];

  @BooleanField('公开时隐去代表姓名', { optional: true, description: '为 true 时，建议公开时不显示代表姓名' })
  hideDeputyName?: boolean;

  toCommand(suggestionId: string): SuggestionCommand {
    return {
      type: 'SubmitSuggestion',
      data: {
        suggestionId,
        title: this.title.trim(),
        content: this.content,
        coSignerIds: this.coSignerIds ?? [],
        // Only a request to hide is recorded; the event's absent flag reads as "show".
        ...(this.hideDeputyName === true ? { hideDeputyName: true } : {}),
      },
    };
  }
}
