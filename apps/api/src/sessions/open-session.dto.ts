import { SESSION_KINDS, type SessionKind } from '@duban/domain';
import { DateField, EnumField, TextField } from '../http/validation/fields';

export class OpenSessionDto {
  @TextField('会次名称', 100, { description: '例如 十六届人大三次会议' })
  name!: string;

  @EnumField('会次类型', SESSION_KINDS, { description: 'congress：大会期间；recess：闭会期间' })
  kind!: SessionKind;

  @DateField('开始日期', { description: '开始日期（YYYY-MM-DD）' })
  startsOn!: string;

  @DateField('结束日期', { optional: true, description: '结束日期（YYYY-MM-DD）；闭会期间可不填' })
  endsOn?: string;
}
