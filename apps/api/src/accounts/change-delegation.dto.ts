import { IdField } from '../http/validation/fields';

export class ChangeDelegationDto {
  @IdField('所属代表团', { optional: true, description: '代表团编号；不填则不属于任何代表团' })
  delegationId?: string;
}
