import type { Actor } from '../shared/actor';
import { DomainError } from '../shared/errors';
import type { Stamped } from '../suggestion/state';
import { SessionCommand } from './commands';
import { defaultSessionId } from './default-session';
import { LEGACY_SESSION_ID, SessionEvent } from './events';
import { decideSession, evolveSession, initialSessionState } from './session-decider';

const STAFF: Actor = { userId: 'gongwei', role: 'staff' };
const DEPUTY: Actor = { userId: 'daibiao1', role: 'deputy' };
const AT = '2026-01-05T02:00:00.000Z';

const open = (over: Partial<Extract<SessionCommand, { type: 'OpenSession' }>['data']> = {}): SessionCommand => ({
  type: 'OpenSession',
  data: { sessionId: 'c-16-3', name: '十六届人大三次会议', kind: 'congress', startsOn: '2026-01-10', endsOn: '2026-01-14', ...over },
});

/** given(...events).when(command, actor): the session decider on the folded history. */
function given(...history: SessionEvent[]) {
  const state = history.reduce((s, e) => evolveSession(s, { ...e, at: AT, by: STAFF } as Stamped<SessionEvent>), initialSessionState());
  return {
    state,
    when: (command: SessionCommand, actor: Actor = STAFF) => ({
      then: (expected: SessionEvent[]) => expect(decideSession(command, state, { actor })).toEqual(expected),
      thenThrows: (code: string, kind: string, field?: string) => {
        let thrown: unknown;
        try {
          decideSession(command, state, { actor });
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(DomainError);
        expect({ code: (thrown as DomainError).code, kind: (thrown as DomainError).kind, field: (thrown as DomainError).field }).toEqual({ code, kind, field });
      },
    }),
  };
}

const opened: SessionEvent = { type: 'SessionOpened', data: { sessionId: 'c-16-3', name: '十六届人大三次会议', kind: 'congress', startsOn: '2026-01-10', endsOn: '2026-01-14' } };

describe('sessions (given/when/then)', () => {
  it('given nothing, when staff open a congress session, then it is opened with its dates, name trimmed', () => {
    given().when(open({ name: ' 十六届人大三次会议 ' })).then([opened]);
  });

  it('a recess session may have no end date', () => {
    given()
      .when(open({ sessionId: 'r-16-3', kind: 'recess', endsOn: undefined, name: '十六届人大三次会议闭会期间' }))
      .then([{ type: 'SessionOpened', data: { sessionId: 'r-16-3', name: '十六届人大三次会议闭会期间', kind: 'recess', startsOn: '2026-01-10' } }]);
  });

  it('refuses a deputy, an empty name, a bad date, an end before the start, and a second opening', () => {
    given().when(open(), DEPUTY).thenThrows('session.only_staff', 'forbidden');
    given().when(open({ name: '  ' })).thenThrows('session.name_required', 'invalid', 'name');
    given().when(open({ startsOn: '2026-13-01' })).thenThrows('session.date_invalid', 'invalid', 'startsOn');
    given().when(open({ endsOn: '2026-01-09' })).thenThrows('session.ends_before_start', 'invalid', 'endsOn');
    given().when(open({ kind: 'other' as never })).thenThrows('session.kind_invalid', 'invalid', 'kind');
    given(opened).when(open()).thenThrows('session.already_exists', 'conflict');
  });

  it('given an open session, when closed, then closed once; a missing session is not found', () => {
    const closing: SessionCommand = { type: 'CloseSession', data: {} };
    given(opened).when(closing).then([{ type: 'SessionClosed', data: { sessionId: 'c-16-3' } }]);
    given(opened, { type: 'SessionClosed', data: { sessionId: 'c-16-3' } }).when(closing).thenThrows('session.already_closed', 'conflict');
    given().when(closing).thenThrows('session.not_found', 'not_found');
  });

  it('given a congress session, when staff set the 交办 date, then it is recorded; the same date again records nothing', () => {
    const setDate: SessionCommand = { type: 'SetAssignmentDate', data: { assignOn: '2026-02-20' } };
    given(opened).when(setDate).then([{ type: 'SessionAssignmentDateSet', data: { sessionId: 'c-16-3', assignOn: '2026-02-20' } }]);
    const withDate = given(opened, { type: 'SessionAssignmentDateSet', data: { sessionId: 'c-16-3', assignOn: '2026-02-20' } });
    expect(withDate.state).toMatchObject({ assignOn: '2026-02-20' });
    withDate.when(setDate).then([]);
    given(opened).when({ type: 'SetAssignmentDate', data: { assignOn: '2026-01-01' } }).thenThrows('session.assign_before_start', 'invalid', 'assignOn');
    given(opened).when({ type: 'SetAssignmentDate', data: { assignOn: 'soon' } }).thenThrows('session.date_invalid', 'invalid', 'assignOn');
  });

  it('a recess session has no 交办 date: its suggestions run on the regulation clock one by one', () => {
    const recess: SessionEvent = { type: 'SessionOpened', data: { sessionId: 'r1', name: '闭会期间', kind: 'recess', startsOn: '2026-01-15' } };
    given(recess).when({ type: 'SetAssignmentDate', data: { assignOn: '2026-02-20' } }).thenThrows('session.assign_date_recess', 'conflict');
  });
});

describe('the default session of a day', () => {
  const congress = { sessionId: 'c', kind: 'congress' as const, startsOn: '2026-01-10', endsOn: '2026-01-14', closed: false };
  const recess = { sessionId: 'r', kind: 'recess' as const, startsOn: '2026-01-15', closed: false };
  const oldRecess = { sessionId: 'r0', kind: 'recess' as const, startsOn: '2025-01-20', closed: false };

  it('is the open congress session on its dates, else the latest begun open recess, else the legacy session', () => {
    expect(defaultSessionId([congress, recess, oldRecess], '2026-01-12')).toBe('c');
    expect(defaultSessionId([congress, recess, oldRecess], '2026-03-01')).toBe('r');
    expect(defaultSessionId([congress, oldRecess], '2026-01-12')).toBe('c');
    expect(defaultSessionId([congress, oldRecess], '2026-01-09')).toBe('r0');
    expect(defaultSessionId([{ ...congress, closed: true }], '2026-01-12')).toBe(LEGACY_SESSION_ID);
    expect(defaultSessionId([], '2026-01-12')).toBe(LEGACY_SESSION_ID);
  });
});
