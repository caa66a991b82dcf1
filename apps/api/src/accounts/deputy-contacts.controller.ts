import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReadModelQueries } from '@duban/read-models';
import { ApiErrors, ApiOk, DeputyContactDoc } from '../http/openapi';
import { AuthUser, toActor } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { READ_MODEL_QUERIES } from '../infrastructure/tokens';
import { suggestionNotFound } from '../suggestions/execution/suggestion-not-found';
import { SuggestionId } from '../suggestions/http/suggestion-id.pipe';
import { AccountDirectory } from './account-directory';
import type { DeputyContact } from './profile.view';

/**
 * The phone numbers of a suggestion's deputies, for those who must reach them: the units handling
 * it (they contact the deputy before answering) and staff. Deputies, supervisors and the public
 * never get them; a unit the suggestion never went to gets the uniform 404. Numbers are read from
 * the user streams, so one the deputy has just corrected is the one shown.
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@Controller('suggestions')
export class DeputyContactsController {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    private readonly directory: AccountDirectory,
  ) {}

  @Get(':id/deputy-contacts')
  @Roles('staff', 'unit', 'admin')
  @ApiOperation({ summary: '建议的领衔与附议代表的联系电话（工作人员、管理员、承办该建议的单位）' })
  @ApiOk([DeputyContactDoc])
  @ApiErrors(403, 404)
  async contacts(@SuggestionId() id: string, @CurrentUser() user: AuthUser): Promise<DeputyContact[]> {
    if (!this.queries.canView(toActor(user), id)) throw suggestionNotFound();
    const suggestion = this.queries.getSuggestion(id);
    if (!suggestion) throw suggestionNotFound();
    const people: { userId: string; role: DeputyContact['role'] }[] = [
      { userId: suggestion.leadDeputyId, role: 'lead' },
      ...suggestion.coSignerIds.map((userId) => ({ userId, role: 'co' as const })),
    ];
    const contacts: DeputyContact[] = [];
    for (const person of people) {
      const record = await this.directory.findUser(person.userId);
      // A delegation's own suggestion names no person as its lead: nobody to call there.
      if (!record) continue;
      const contact: DeputyContact = { userId: person.userId, displayName: record.displayName, role: person.role };
      if (record.phone !== undefined) contact.phone = record.phone;
      contacts.push(contact);
    }
    return contacts;
  }
}
