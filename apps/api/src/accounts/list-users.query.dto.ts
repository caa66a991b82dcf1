import { ROLES, Role } from '@duban/domain';
import { EnumField } from '../http/validation/fields';
import { AfterQueryDto } from '../read-consistency/after-query.dto';

export class ListUsersQueryDto extends AfterQueryDto {
  @EnumField('角色', ROLES, { optional: true })
  role?: Role;
}
