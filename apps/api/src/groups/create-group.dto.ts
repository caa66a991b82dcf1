import { IdField, IdListField } from '../http/validation/fields';

/** `POST /api/groups {suggestionIds, primarySuggestionId?}` (并案, staff). */
export class CreateGroupDto {
  @IdListField('并案建议', { minSize: 2, description: '并案的全部建议编号（至少两件）' })
  suggestionIds!: string[];

  @IdField('主办建议', { optional: true, description: '并案组的主建议，默认第一件' })
  primarySuggestionId?: string;
}
