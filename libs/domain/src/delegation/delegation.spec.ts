import { DomainError } from '../shared/errors';
import { decideDelegation, evolveDelegation } from './delegation';

describe('delegations (代表团)', () => {
  const register = { type: 'RegisterDelegation' as const, data: { delegationId: 'dt-1', name: ' 东城区代表团 ', headDeputyId: 'daibiao1' } };

  it('given nothing, when staff register a delegation with its head, then it is registered (name trimmed)', () => {
    expect(decideDelegation(register, { status: 'none' }, { actor: { userId: 'gongwei', role: 'staff' } })).toEqual([
      { type: 'DelegationRegistered', data: { delegationId: 'dt-1', name: '东城区代表团', headDeputyId: 'daibiao1' } },
    ]);
  });

  it('refuses a deputy, an empty name, and a second registration', () => {
    const refuse = (f: () => unknown, code: string) => expect(f).toThrow(expect.objectContaining({ code }) as DomainError);
    refuse(() => decideDelegation(register, { status: 'none' }, { actor: { userId: 'd', role: 'deputy' } }), 'delegation.only_staff');
    refuse(() => decideDelegation({ ...register, data: { ...register.data, name: ' ' } }, { status: 'none' }, { actor: { userId: 'a', role: 'admin' } }), 'delegation.name_required');
    const state = evolveDelegation({ status: 'none' }, { type: 'DelegationRegistered', data: { delegationId: 'dt-1', name: 'x' }, at: '2026-01-01T00:00:00Z', by: { userId: 'a', role: 'admin' } });
    refuse(() => decideDelegation(register, state, { actor: { userId: 'a', role: 'admin' } }), 'delegation.already_exists');
  });
});
