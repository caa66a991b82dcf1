import { TextField } from '../http/validation/fields';

export class LoginDto {
  @TextField('用户名', 64)
  username!: string;

  @TextField('密码', 200)
  password!: string;
}
