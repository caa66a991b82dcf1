import { MinLength } from 'class-validator';
import { ROLES, Role } from '@duban/domain';
import { EnumField, IdField, PhoneField, TextField, UserIdField } from '../http/validation/fields';

export const PASSWORD_MIN = 8;

export class CreateUserDto {
  @UserIdField('用户名', { description: '登录名，也是用户编号：小写字母、数字、_ . -' })
  username!: string;

  @TextField('密码', 200)
  @MinLength(PASSWORD_MIN, { message: `密码至少 ${PASSWORD_MIN} 个字符` })
  password!: string;

  @TextField('姓名', 100)
  displayName!: string;

  @EnumField('角色', ROLES, { description: 'deputy 代表 / staff 工作人员 / unit 承办单位 / supervisor 督办人 / admin 管理员' })
  role!: Role;

  @IdField('所属单位', { optional: true, description: '角色为 unit 时必填' })
  unitId?: string;

  @IdField('所属代表团', { optional: true, description: '仅人大代表：所属代表团编号' })
  delegationId?: string;

  @PhoneField('电话号码', { optional: true, description: '仅人大代表：承办单位答复前联系代表用；11 位手机号或带区号的固定电话' })
  phone?: string;
}
