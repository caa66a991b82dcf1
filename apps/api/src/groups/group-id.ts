import { NotFoundException, Param, PipeTransform } from '@nestjs/common';
import { ID_PATTERN } from '../http/validation/fields';

const PREFIX = 'g-';

/**
 * A group is named after its primary suggestion (`g-<primaryId>`): the primary's own state lists the
 * members, so finding a group needs no index beside the events, and a rebuild loses nothing.
 */
export function groupIdFor(primarySuggestionId: string): string {
  return `${PREFIX}${primarySuggestionId}`;
}

/** The primary suggestion's id, or null when the text is no group id. */
export function primaryOf(groupId: string): string | null {
  if (!groupId.startsWith(PREFIX)) return null;
  const primary = groupId.slice(PREFIX.length);
  return ID_PATTERN.test(primary) ? primary : null;
}

class GroupIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (primaryOf(value) === null) throw new NotFoundException('并案组不存在');
    return value;
  }
}

export const GroupId = (): ParameterDecorator => Param('groupId', GroupIdPipe);
