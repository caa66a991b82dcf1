import { ROLES, Role } from '@duban/domain';
import { EnumField, IdField } from '../http/validation/fields';

export class ChangeRoleDto {
  @EnumField('角色', ROLES, { description: 'deputy 代表 / staff 工作人员 / unit 承办单位 / supervisor 督办人 / admin 管理员' })
  role!: Role;

  @IdField('所属单位', { optional: true, description: '角色为 unit 时必填' })
  unitId?: string;
}
