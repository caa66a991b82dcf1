import { MinLength } from 'class-validator';
import { TextField } from '../http/validation/fields';
import { PASSWORD_MIN } from './create-user.dto';

export class ResetPasswordDto {
  @TextField('新密码', 200)
  @MinLength(PASSWORD_MIN, { message: `新密码至少 ${PASSWORD_MIN} 个字符` })
  newPassword!: string;
}
