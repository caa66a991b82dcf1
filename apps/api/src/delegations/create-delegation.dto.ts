import { TextField, UserIdField } from '../http/validation/fields';

export class CreateDelegationDto {
  @TextField('代表团名称', 100, { description: '例如 东城区代表团' })
  name!: string;

  @UserIdField('团长', { optional: true, description: '团长（人大代表）的登录名；代表团名义提出的建议由团长评价' })
  headDeputyId?: string;
}
