import { NotFoundException, Param, PipeTransform } from '@nestjs/common';
import { USER_ID_PATTERN } from '../http/validation/fields';

/** A malformed login name names no user: 404, exactly as for one that does not exist. */
class UserIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!USER_ID_PATTERN.test(value)) throw new NotFoundException({ statusCode: 404, code: 'user.not_found', message: '用户不存在' });
    return value;
  }
}

export const UserIdParam = (): ParameterDecorator => Param('id', UserIdPipe);
