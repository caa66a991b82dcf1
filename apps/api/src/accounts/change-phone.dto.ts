import { PhoneField } from '../http/validation/fields';

export class ChangePhoneDto {
  @PhoneField('电话号码', { optional: true, description: '11 位手机号或带区号的固定电话；不填则删除' })
  phone?: string;
}
