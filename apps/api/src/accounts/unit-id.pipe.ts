import { NotFoundException, Param, PipeTransform } from '@nestjs/common';
import { ID_PATTERN } from '../http/validation/fields';

/** A malformed unit id names no unit: 404, exactly as for one that does not exist. */
class UnitIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID_PATTERN.test(value)) throw new NotFoundException({ statusCode: 404, code: 'unit.not_found', message: '承办单位不存在' });
    return value;
  }
}

export const UnitIdParam = (): ParameterDecorator => Param('id', UnitIdPipe);
