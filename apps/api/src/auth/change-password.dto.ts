import { MinLength } from 'class-validator';
import { PASSWORD_MIN } from '../accounts/create-user.dto';
import { TextField } from '../http/validation/fields';

export class ChangePasswordDto {
  @TextField('当前密码', 200)
  currentPassword!: string;

  @TextField('新密码', 200)
  @MinLength(PASSWORD_MIN, { message: `新密码至少 ${PASSWORD_MIN} 个字符` })
  newPassword!: string;
}
