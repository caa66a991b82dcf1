import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import type { SuggestionCommand } from '@duban/domain';
import { DateField, LIST_MAX, TextField } from '../../http/validation/fields';
import { CONTENT_MAX, NAME_MAX, NOTE_MAX, SHORT_MAX } from '../dto/limits';

/** A letter and its annexes; more belongs in one PDF. */
const LETTERS_MAX = 10;

export class CommitmentDto {
  @TextField('承诺事项', NOTE_MAX)
  description!: string;

  @DateField('承诺完成时间')
  dueAt!: string;
}

export class AnswerSuggestionDto {
  @TextField('答复类别', SHORT_MAX, { description: '规则中的答复类别代码，全国规则为 A/B/C/D' })
  category!: string;

  @TextField('答复内容', CONTENT_MAX)
  content!: string;

  @TextField('签发人', NAME_MAX, { description: '签发答复的单位主要负责人' })
  signedBy!: string;

  @IsOptional()
  @ApiProperty({ type: [CommitmentDto], required: false, maxItems: LIST_MAX, description: 'B、C 类答复须列出承诺事项' })
  @IsArray({ message: '承诺事项必须是数组' })
  @ArrayMaxSize(LIST_MAX, { message: `承诺事项最多 ${LIST_MAX} 项` })
  @ValidateNested({ each: true, message: '承诺事项的每一项必须是包含 description 和 dueAt 的对象' })
  @Type(() => CommitmentDto)
  commitments?: CommitmentDto[];

  @IsOptional()
  @ApiProperty({
    type: [String],
    required: false,
    maxItems: LETTERS_MAX,
    description: '答复函等附件的编号（先 POST /api/suggestions/{id}/attachments 上传）；事件记录每个文件的 sha256、文件名、大小和类型',
  })
  @IsArray({ message: '附件编号必须是数组' })
  @ArrayMaxSize(LETTERS_MAX, { message: `每次答复最多附 ${LETTERS_MAX} 个文件` })
  @Matches(/^[A-Za-z0-9-]{1,100}_[0-9a-f]{16}$/, { each: true, message: '附件编号格式不正确' })
  attachmentIds?: string[];

  toCommand(): SuggestionCommand {
    return {
      type: 'AnswerSuggestion',
      data: {
        category: this.category,
        content: this.content,
        signedBy: this.signedBy,
        commitments: (this.commitments ?? []).map((c) => ({ description: c.description, dueAt: c.dueAt })),
        ...(this.attachmentIds && this.attachmentIds.length > 0 ? { attachmentIds: [...this.attachmentIds] } : {}),
      },
    };
  }
}
