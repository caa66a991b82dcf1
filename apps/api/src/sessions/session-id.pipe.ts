import { DomainError } from '@duban/domain';
import { PipeTransform } from '@nestjs/common';
import { ID_PATTERN } from '../http/validation/fields';

/** A malformed id names no session: 404, as for one that does not exist. */
export class SessionIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID_PATTERN.test(value)) throw new DomainError('session.not_found', '会次不存在', 'not_found');
    return value;
  }
}
