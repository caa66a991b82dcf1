import { isLocalDate } from '../calendar/local-date';
import { Decider, DecisionContext } from '../shared/decider';
import { DomainError, assertNever } from '../shared/errors';
import type { Stamped } from '../suggestion/state';
import { SessionCommand } from './commands';
import { SESSION_KINDS, SessionEvent } from './events';
import { SessionState } from './state';

/** Sessions need only who acts. */
export type SessionContext = Pick<DecisionContext, 'actor'>;

/** Staff run the sessions; admins may too; `system` seeds the demo. */
const SESSION_MANAGERS = ['staff', 'admin', 'system'];

export const initialSessionState = (): SessionState => ({ status: 'none' });

export function decideSession(command: SessionCommand, state: SessionState, ctx: SessionContext): SessionEvent[] {
  if (!SESSION_MANAGERS.includes(ctx.actor.role)) throw new DomainError('session.only_staff', '只有工作人员或管理员可以管理会次', 'forbidden');
  switch (command.type) {
    case 'OpenSession': {
      if (state.status !== 'none') throw new DomainError('session.already_exists', '该会次已经存在', 'conflict');
      const { sessionId, kind, startsOn, endsOn } = command.data;
      const name = command.data.name.trim();
      if (name === '') throw new DomainError('session.name_required', '会次名称不能为空', 'invalid', 'name');
      if (!SESSION_KINDS.includes(kind)) throw new DomainError('session.kind_invalid', '会次类型须为大会期间或闭会期间', 'invalid', 'kind');
      requireDate(startsOn, 'startsOn');
      if (endsOn !== undefined) {
        requireDate(endsOn, 'endsOn');
        if (endsOn < startsOn) throw new DomainError('session.ends_before_start', '结束日期不能早于开始日期', 'invalid', 'endsOn');
      }
      return [{ type: 'SessionOpened', data: { sessionId, name, kind, startsOn, ...(endsOn !== undefined ? { endsOn } : {}) } }];
    }
    case 'CloseSession': {
      const opened = requireOpened(state);
      if (opened.closed) throw new DomainError('session.already_closed', '该会次已经结束', 'conflict');
      return [{ type: 'SessionClosed', data: { sessionId: opened.sessionId } }];
    }
    case 'SetAssignmentDate': {
      const opened = requireOpened(state);
      // The recess has no common hand-over: its suggestions are assigned one by one on the regulation's clock.
      if (opened.kind !== 'congress') throw new DomainError('session.assign_date_recess', '只有大会期间的会次可以设定交办日期', 'conflict');
      const { assignOn } = command.data;
      requireDate(assignOn, 'assignOn');
      if (assignOn < opened.startsOn) throw new DomainError('session.assign_before_start', '交办日期不能早于会次开始日期', 'invalid', 'assignOn');
      if (opened.assignOn === assignOn) return [];
      return [{ type: 'SessionAssignmentDateSet', data: { sessionId: opened.sessionId, assignOn } }];
    }
    default:
      return assertNever(command, 'session command');
  }
}

export function evolveSession(state: SessionState, event: Stamped<SessionEvent>): SessionState {
  switch (event.type) {
    case 'SessionOpened': {
      if (state.status !== 'none') return state;
      const { sessionId, name, kind, startsOn, endsOn } = event.data;
      return { status: 'opened', sessionId, name, kind, startsOn, ...(endsOn !== undefined ? { endsOn } : {}), closed: false, openedAt: event.at };
    }
    case 'SessionClosed':
      return state.status === 'opened' ? { ...state, closed: true, closedAt: event.at } : state;
    case 'SessionAssignmentDateSet':
      return state.status === 'opened' ? { ...state, assignOn: event.data.assignOn } : state;
    default:
      // Events this code does not know yet leave the session as it is.
      return state;
  }
}

export const sessionDecider: Decider<SessionState, SessionCommand, SessionEvent> = {
  initialState: initialSessionState,
  evolve: evolveSession,
  decide: decideSession,
};

function requireOpened(state: SessionState): Extract<SessionState, { status: 'opened' }> {
  if (state.status === 'none') throw new DomainError('session.not_found', '会次不存在', 'not_found');
  return state;
}

function requireDate(value: string, field: string): void {
  if (typeof value !== 'string' || !isLocalDate(value)) throw new DomainError('session.date_invalid', '日期格式须为 YYYY-MM-DD', 'invalid', field);
}
