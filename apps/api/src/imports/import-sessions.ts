import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@duban/domain';
import { MAX_PAGE_SIZE, type ReadModelQueries } from '@duban/read-models';
import { Clock } from '../clock/clock';
import { READ_MODEL_QUERIES } from '../infrastructure/tokens';
import { SessionCatalogue } from '../sessions/session-catalogue';
import type { DelegationLookup } from './suggestion-rows';

/**
 * What an import needs to know of sessions and delegations: which session a file goes into (as a
 * submission would choose it), the delegations by name, and a session's suggestions by number.
 */
@Injectable()
export class ImportSessions {
  constructor(
    private readonly catalogue: SessionCatalogue,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The session named (400 on `sessionId` when it does not exist or is closed), else the default session of today. */
  resolve(sessionId: string | undefined): Promise<string> {
    return this.catalogue.forSubmission(sessionId, this.clock.nowIso());
  }

  /** Delegations by name, once the read model lists them; null while there are none to name. */
  async delegations(): Promise<DelegationLookup | null> {
    const list = (this.queries as { listDelegations?: () => { id: string; name: string }[] }).listDelegations?.() ?? [];
    if (list.length === 0) return null;
    const byName = new Map(list.map((d) => [d.name.replace(/\s/g, ''), d.id]));
    return { idOf: (name) => byName.get(name.replace(/\s/g, '')) ?? null };
  }

  /**
   * The ids of the session's registered suggestions with these numbers. One pass over the
   * session's list (as staff see it), stopping once every number is found: a plan names most of
   * a session's suggestions, so this beats a search per number.
   */
  async suggestionIdsByNumber(sessionId: string, numbers: readonly number[], viewer: Actor): Promise<Map<number, string>> {
    const wanted = new Set(numbers);
    const found = new Map<number, string>();
    const now = this.clock.nowIso();
    for (let page = 1; found.size < wanted.size; page++) {
      const { items } = this.queries.listSuggestions({ sessionId, page, pageSize: MAX_PAGE_SIZE }, viewer, now);
      for (const item of items) {
        if (item.number !== undefined && wanted.has(item.number)) found.set(item.number, item.id);
      }
      if (items.length < MAX_PAGE_SIZE) break;
    }
    return found;
  }
}
