import { Inject, Injectable } from '@nestjs/common';
import { delegationStreamId, type DelegationState } from '@duban/domain';
import { EVENT_STORE, EventStore } from '@duban/event-store';
import { foldRecorded } from '../commands/stream-kind';
import { DELEGATION_STREAM } from './delegation-stream';

/** Delegations read from their own streams: a reference right after registration finds it. */
@Injectable()
export class DelegationDirectory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async find(delegationId: string): Promise<Extract<DelegationState, { status: 'registered' }> | null> {
    const state = foldRecorded(DELEGATION_STREAM, await this.store.readStream(delegationStreamId(delegationId)));
    return state.status === 'registered' ? state : null;
  }
}
