import type { DecisionContext } from '../shared/decider';
import { DomainError, assertNever } from '../shared/errors';
import type { Stamped } from '../suggestion/state';

/**
 * A delegation (代表团) of deputies, stream `delegation-<id>`. Its head (团长) rates the suggestions
 * the delegation makes in its own name (渝 第二十六条).
 */
export type DelegationEvent = { type: 'DelegationRegistered'; data: { delegationId: string; name: string; headDeputyId?: string } };
export type DelegationCommand = { type: 'RegisterDelegation'; data: { delegationId: string; name: string; headDeputyId?: string } };
export type DelegationState = { status: 'none' } | { status: 'registered'; delegationId: string; name: string; headDeputyId?: string };

export const DELEGATION_STREAM_PREFIX = 'delegation-';
export const delegationStreamId = (id: string): string => `${DELEGATION_STREAM_PREFIX}${id}`;

const MANAGERS = ['staff', 'admin', 'system'];

export function decideDelegation(command: DelegationCommand, state: DelegationState, ctx: Pick<DecisionContext, 'actor'>): DelegationEvent[] {
  switch (command.type) {
    case 'RegisterDelegation': {
      if (!MANAGERS.includes(ctx.actor.role)) throw new DomainError('delegation.only_staff', '只有工作人员或管理员可以登记代表团', 'forbidden');
      if (state.status !== 'none') throw new DomainError('delegation.already_exists', '该代表团已经存在', 'conflict');
      const name = command.data.name.trim();
      if (name === '') throw new DomainError('delegation.name_required', '代表团名称不能为空', 'invalid', 'name');
      const { delegationId, headDeputyId } = command.data;
      return [{ type: 'DelegationRegistered', data: { delegationId, name, ...(headDeputyId !== undefined ? { headDeputyId } : {}) } }];
    }
    default:
      return assertNever(command.type, 'delegation command');
  }
}

export function evolveDelegation(state: DelegationState, event: Stamped<DelegationEvent>): DelegationState {
  if (event.type === 'DelegationRegistered' && state.status === 'none') {
    const { delegationId, name, headDeputyId } = event.data;
    return { status: 'registered', delegationId, name, ...(headDeputyId !== undefined ? { headDeputyId } : {}) };
  }
  return state;
}

export const delegationDecider = {
  initialState: (): DelegationState => ({ status: 'none' }),
  evolve: evolveDelegation,
  decide: decideDelegation,
};
