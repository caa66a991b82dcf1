import { Param, PipeTransform } from '@nestjs/common';
import { ID_PATTERN } from '../../http/validation/fields';
import { suggestionNotFound } from '../execution/suggestion-not-found';

/** A malformed id names no suggestion: 404, exactly as for an id that does not exist. */
export class SuggestionIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID_PATTERN.test(value)) throw suggestionNotFound();
    return value;
  }
}

export const SuggestionId = (): ParameterDecorator => Param('id', SuggestionIdPipe);
