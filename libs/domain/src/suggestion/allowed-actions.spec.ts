import { performance } from 'node:perf_hooks';
import { Actor } from '../shared/actor';
import { DomainError } from '../shared/errors';
import { NATIONAL_RULEBOOK } from '../rulebook/presets';
import {
  accepted,
  admin,
  answered,
  answeredSoleHistory,
  assignedLead,
  assignedSeparate,
  coSigner,
  EDUCATION,
  FEEDBACK_DUE_AT,
  leadDeputy,
  otherDeputy,
  soleHistory,
  staff,
  submitted,
  supervisor,
  T,
  TRANSPORT,
  unitUser,
} from '../testing/fixtures';
import { realCalendar } from '../testing/given';
import { commitmentFulfilled, returnRequested } from '../testing/more-events';
import { realisticHistories } from '../testing/realistic-histories';
import { ACTION_PROBES, allowedActions } from './allowed-actions';
import { SuggestionAction } from './suggestion-actions';
import { decideSuggestion } from './decide';
import { foldSuggestion } from './decider';
import { Stamped, SuggestionState } from './state';
import { SuggestionEvent } from './events';

/**
 * given(history).for(actor, at) → the actions offered, without adding files (offered to every party
 * in almost every state: its own test below), so each list reads as the lifecycle's commands.
 */
function given(...history: Stamped<SuggestionEvent>[]) {
  const state = foldSuggestion(history);
  const all = (actor: Actor, now: string = T.early) => allowedActions(state, { now, actor, rulebook: NATIONAL_RULEBOOK, calendar: realCalendar });
  return {
    for: (actor: Actor, now: string = T.early) => all(actor, now).filter((a) => a !== 'attachments'),
    all,
  };
}

const transport = unitUser(TRANSPORT);
const education = unitUser(EDUCATION);
/** After the answer, inside the deputy's feedback window. */
const AFTER_ANSWER = '2026-04-16T02:00:00.000Z';
const AFTER_FEEDBACK_WINDOW = '2026-05-12T02:00:00.000Z';

describe('allowedActions: the decider dry-run for one caller', () => {
  it('offers adding files to the deputies, staff and the assigned unit; not to supervisors or others, nor once withdrawn', () => {
    const s = given(...soleHistory());
    for (const actor of [leadDeputy, coSigner, staff, admin, transport]) expect(s.all(actor)).toContain('attachments');
    for (const actor of [supervisor, otherDeputy, education]) expect(s.all(actor)).not.toContain('attachments');
    const withdrawn = given(submitted(), { type: 'SuggestionWithdrawn', data: { reason: '已解决' }, at: T.early, by: leadDeputy });
    expect(withdrawn.all(leadDeputy)).not.toContain('attachments');
  });

  describe('a submitted suggestion', () => {
    const s = given(submitted());
    it('staff may register it or not, make it key and exempt it; not assign it yet', () => {
      expect(s.for(staff, T.submitted)).toEqual(['accept', 'reject', 'supervise', 'exempt']);
    });
    it('the lead deputy may only withdraw it; a co-signer, another deputy and a unit nothing', () => {
      expect(s.for(leadDeputy, T.submitted)).toEqual(['withdraw']);
      expect(s.for(coSigner, T.submitted)).toEqual([]);
      expect(s.for(otherDeputy, T.submitted)).toEqual([]);
      expect(s.for(transport, T.submitted)).toEqual([]);
    });
    it('a supervisor may make it key, nothing a staff member does', () => {
      expect(s.for(supervisor, T.submitted)).toEqual(['supervise']);
    });
  });

  it('staff assign an accepted suggestion (and may urge it); accept is gone', () => {
    expect(given(submitted(), accepted()).for(staff, T.accepted)).toEqual(['assign', 'supervise', 'urge', 'exempt']);
  });

  describe('assigned to one unit', () => {
    const s = given(...soleHistory());
    it('the unit may ask to return it, contact the deputy, ask for more time and answer', () => {
      expect(s.for(transport)).toEqual(['requestReturn', 'contact', 'requestExtension', 'answer']);
    });
    it('another unit may do nothing with it', () => {
      expect(s.for(education)).toEqual([]);
    });
    it('past the return window the unit may no longer ask to return it', () => {
      expect(s.for(transport, '2026-03-20T02:00:00.000Z')).not.toContain('requestReturn');
    });
    it('nobody sees rate before an answer; the lead deputy may still withdraw', () => {
      expect(s.for(leadDeputy)).toEqual(['withdraw']);
      expect(s.for(staff)).not.toContain('rate');
    });
    it('staff decide a pending return; the unit cannot ask twice', () => {
      const pending = given(...soleHistory(), returnRequested(TRANSPORT));
      expect(pending.for(staff)).toContain('decideReturn');
      expect(pending.for(transport)).not.toContain('requestReturn');
    });
  });

  it('a co-handler sends its opinion and contacts the deputy, but does not answer', () => {
    const s = given(submitted(), accepted(), assignedLead(TRANSPORT, EDUCATION));
    expect(s.for(education)).toEqual(['requestReturn', 'contact', 'coOpinion']);
    expect(s.for(transport)).toContain('answer');
    expect(s.for(transport)).not.toContain('coOpinion');
  });

  describe('answered', () => {
    const s = given(...answeredSoleHistory());
    it('only the lead deputy sees rate, inside the feedback window (and the page acknowledges the answer)', () => {
      expect(s.for(leadDeputy, AFTER_ANSWER)).toEqual(['rate', 'acknowledgeAnswer']);
      for (const actor of [coSigner, otherDeputy, staff, admin, supervisor, transport]) {
        expect(s.for(actor, AFTER_ANSWER)).not.toContain('rate');
      }
    });
    it('the unit may not answer again while the deputy rates', () => {
      expect(s.for(transport, AFTER_ANSWER)).toEqual([]);
    });
    it('staff may publish it but not close it while the window is open', () => {
      expect(s.for(staff, AFTER_ANSWER)).toEqual(['supervise', 'urge', 'publish', 'exempt']);
    });
    it('once the window passed, rate is gone and staff may close', () => {
      expect(s.for(leadDeputy, AFTER_FEEDBACK_WINDOW)).toEqual([]);
      expect(s.for(staff, AFTER_FEEDBACK_WINDOW)).toContain('close');
    });
  });

  it('in separate mode the deputy may rate as soon as one unit answered', () => {
    const s = given(submitted(), accepted(), assignedSeparate(TRANSPORT, EDUCATION), answered(TRANSPORT));
    // The other unit is still at work: its answer cannot be rated, this one's can; no withdrawing after an answer.
    expect(s.for(leadDeputy, AFTER_ANSWER)).toEqual(['rate']);
    const both = given(
      submitted(),
      accepted(),
      assignedSeparate(TRANSPORT, EDUCATION),
      answered(TRANSPORT),
      answered(EDUCATION, { feedbackDueAt: FEEDBACK_DUE_AT }),
    );
    expect(both.for(leadDeputy, AFTER_ANSWER)).toEqual(['rate', 'acknowledgeAnswer']);
  });

  it('a unit fulfils its own open commitment, not another unit’s, and not twice', () => {
    const commitment = { commitmentId: 'C1', description: '年底前开通线路', dueAt: '2026-12-31T16:00:00.000Z' };
    const history = [...soleHistory(), answered(TRANSPORT, { category: 'B', commitments: [commitment], feedbackDueAt: FEEDBACK_DUE_AT })];
    expect(given(...history).for(transport, AFTER_ANSWER)).toEqual(['fulfilCommitment']);
    expect(given(...history).for(education, AFTER_ANSWER)).toEqual([]);
    expect(given(...history, commitmentFulfilled('C1', TRANSPORT, AFTER_ANSWER)).for(transport, AFTER_ANSWER)).toEqual([]);
  });

  it('a missing suggestion offers nothing', () => {
    expect(allowedActions({ status: 'none' }, { now: T.early, actor: staff, rulebook: NATIONAL_RULEBOOK, calendar: realCalendar })).toEqual([]);
  });

  describe('over realistic histories', () => {
    const histories = realisticHistories(60, 7, realCalendar, { scheduler: true });
    const actors: Actor[] = [
      { userId: 'staff-x', role: 'staff' },
      { userId: 'sup-x', role: 'supervisor' },
      ...['dep-a', 'dep-b', 'dep-c', 'dep-d'].map((userId): Actor => ({ userId, role: 'deputy' })),
      ...['unit-1', 'unit-2', 'unit-3'].map((unitId) => unitUser(unitId)),
    ];
    /** Every prefix of every history: the states people really see. */
    const states: { state: SuggestionState; now: string }[] = histories.flatMap((events) =>
      events.map((event, i) => ({ state: foldSuggestion(events.slice(0, i + 1)), now: event.at })),
    );

    /** Who may ever be offered what, whatever the state: the roles each rule names. */
    const ROLES_OF: Record<SuggestionAction, readonly string[]> = {
      accept: ['staff', 'admin'],
      reject: ['staff', 'admin'],
      assign: ['staff', 'admin'],
      transfer: ['staff', 'admin'],
      decideReturn: ['staff', 'admin'],
      decideExtension: ['staff', 'admin'],
      close: ['staff', 'admin'],
      rehandle: ['staff', 'admin'],
      publish: ['staff', 'admin'],
      exempt: ['staff', 'admin'],
      supervise: ['staff', 'admin', 'supervisor'],
      urge: ['staff', 'admin', 'supervisor'],
      requestReturn: ['unit'],
      contact: ['unit'],
      coOpinion: ['unit'],
      requestExtension: ['unit'],
      answer: ['unit'],
      fulfilCommitment: ['unit'],
      rate: ['deputy'],
      rateCommitments: ['deputy'],
      withdraw: ['deputy'],
      attachments: ['deputy', 'unit', 'staff', 'admin'],
      acknowledgeAnswer: ['deputy'],
    };

    it('offers each action only to the roles its rule names, rate and withdraw only to the lead deputy, unit actions only to assigned units', () => {
      let offered = 0;
      for (const { state, now } of states.filter((_, i) => i % 5 === 0)) {
        if (state.status === 'none') continue;
        const units = 'assignment' in state && state.assignment ? state.assignment.units.map((u) => u.unitId) : [];
        for (const actor of actors) {
          const actions = allowedActions(state, { now, actor, rulebook: NATIONAL_RULEBOOK, calendar: realCalendar });
          offered += actions.length;
          for (const action of actions) {
            expect({ action, role: ROLES_OF[action]?.includes(actor.role) }).toEqual({ action, role: true });
            if (action === 'rate' || action === 'withdraw' || action === 'acknowledgeAnswer') expect(actor.userId).toBe(state.leadDeputyId);
            if (actor.role === 'unit' && action !== 'fulfilCommitment') expect(units).toContain(actor.unitId);
          }
        }
      }
      // The histories reach every stage: many actions are offered along them.
      expect(offered).toBeGreaterThan(100);
    });

    it('the probes pass the data checks: a refusal is who or when, never `invalid` (but an extension past its maximum)', () => {
      const invalid: string[] = [];
      for (const { state, now } of states.filter((_, i) => i % 5 === 0)) {
        if (state.status === 'none') continue;
        for (const actor of actors) {
          const ctx = { now, actor, rulebook: NATIONAL_RULEBOOK, calendar: realCalendar };
          for (const [action, probe] of Object.entries(ACTION_PROBES)) {
            for (const command of probe(state, ctx)) {
              try {
                decideSuggestion(command, state, ctx);
              } catch (error) {
                expect(error).toBeInstanceOf(DomainError);
                const kind = (error as DomainError).kind;
                if (kind === 'invalid' && action !== 'requestExtension') invalid.push(`${action}: ${(error as DomainError).code}`);
              }
            }
          }
        }
      }
      expect(invalid).toEqual([]);
    });

    it('costs a few tens of microseconds per detail read', () => {
      const sample = states.filter((s) => s.state.status !== 'none').slice(0, 400);
      const actor = actors[0]!;
      const run = () => {
        for (const { state, now } of sample) allowedActions(state, { now, actor, rulebook: NATIONAL_RULEBOOK, calendar: realCalendar });
      };
      run();
      const start = performance.now();
      run();
      const perCallUs = ((performance.now() - start) * 1000) / sample.length;
      // Printed for the report; bounded loosely so a shared 2-core machine does not fail it.
      console.log(`allowedActions: ${perCallUs.toFixed(1)} µs per call over ${sample.length} realistic states`);
      expect(perCallUs).toBeLessThan(2000);
    });
  });
});
