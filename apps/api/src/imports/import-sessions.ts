import { Injectable } from '@nestjs/common';
import type { DelegationLookup } from './suggestion-rows';

/**
 * What an import needs to know of sessions and delegations: which session a file goes into, the
 * delegations by name, and a session's suggestions by number.
 */
@Injectable()
export class ImportSessions {
  async resolve(sessionId: string | undefined): Promise<string> {
    return sessionId ?? 'legacy';
  }

  async delegations(): Promise<DelegationLookup | null> {
    return null;
  }

  async suggestionIdsByNumber(_sessionId: string, _numbers: readonly number[]): Promise<Map<number, string>> {
    return new Map();
  }
}
