import { NotFoundException, Param, PipeTransform } from '@nestjs/common';
import { ID_PATTERN } from '../../http/validation/fields';

/** A malformed id names no suggestion: 404, exactly as for an id that does not exist. */
export class SuggestionIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID_PATTERN.test(value)) throw new NotFoundException('建议不存在');
    return value;
  }
}

export const SuggestionId = (): ParameterDecorator => Param('id', SuggestionIdPipe);
