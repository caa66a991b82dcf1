import type { AssignmentMode, CommitmentInput, Satisfaction, SuggestionState } from '@duban/domain';
import { actorOf, Organisation, Person, Unit } from './organisation';
import * as P from './phrases';
import { Prng } from './prng';
import { DAY_MS, iso, later, parseIsoMs } from './sim-time';
import { DomainContext, SuggestionHistory } from './suggestion-history';
import { answerContent, commitmentDescription, personName, suggestionContent, suggestionTitle, TextVars } from './texts';

/** What to simulate for one suggestion. */
export interface SuggestionSeed {
  id: string;
  submittedAtMs: number;
  /** Nothing at or after this instant happens: the data set's "now", so recent ones are still open. */
  endMs: number;
}

type Action = { atMs: number; seq: number; run: (atMs: number) => void };

/**
 * One suggestion's life as a small discrete-event simulation: each step runs a command through
 * the decider at its simulated time and may schedule what follows. The odds follow the shape of
 * published handling reports: nearly all assigned and answered on time, most rated satisfied, a
 * few percent dissatisfied (re-handling), rejected, withdrawn, returned, extended or key-supervised.
 */
export function simulateSuggestion(seed: SuggestionSeed, org: Organisation, ctx: DomainContext, prng: Prng): SuggestionHistory {
  const h = new SuggestionHistory(`suggestion-${seed.id}`, prng, ctx);
  const agenda: Action[] = [];
  let seq = 0;
  const at = (atMs: number, run: (atMs: number) => void): void => {
    agenda.push({ atMs, seq: seq++, run });
  };

  const deputy = prng.pick(org.deputies);
  const staff = (): Person => prng.pick(org.staff);
  const unitById = new Map(org.units.map((u) => [u.id, u]));
  const vars: TextVars = {
    topic: prng.pick(P.TOPICS),
    region: prng.pick(P.REGIONS),
    year: new Date(seed.submittedAtMs).getUTCFullYear(),
  };
  const title = suggestionTitle(prng, vars);
  const dissatisfiedTimes = new Map<string, number>();

  const unitOf = (id: string): Unit => unitById.get(id)!;
  const status = (): SuggestionState['status'] => h.state.status;

  const answer = (unit: Unit, t: number): void => {
    const category = prng.weighted([
      ['A', 45],
      ['B', 30],
      ['C', 14],
      ['D', 11],
    ] as const);
    const commitments: CommitmentInput[] =
      category === 'B' || category === 'C'
        ? Array.from({ length: prng.int(1, 3) }, () => ({
            description: commitmentDescription(prng, { ...vars, year: new Date(t).getUTCFullYear() }),
            dueAt: iso(later(prng, t, 60, 360)),
          }))
        : [];
    const ok = h.exec(
      {
        type: 'AnswerSuggestion',
        data: {
          category,
          content: answerContent(prng, { ...vars, category, title, deputyName: deputy.displayName }),
          signedBy: unit.head,
          commitments,
        },
      },
      actorOf(unit.user),
      t,
    );
    if (!ok) return;
    // Commitments are followed until fulfilled: most are, some run late or stay open.
    for (const c of h.state.status === 'none' ? [] : h.state.commitments) {
      if (c.unitId !== unit.id || c.madeAt !== iso(t) || !prng.chance(0.7)) continue;
      const due = parseIsoMs(c.dueAt);
      const when = t + (due - t) * (0.3 + prng.next() * 0.9);
      at(when, (tf) =>
        h.exec(
          { type: 'FulfilCommitment', data: { commitmentId: c.commitmentId, evidence: prng.pick(P.FULFILMENT_EVIDENCE) } },
          actorOf(unit.user),
          tf,
        ),
      );
    }
    if (prng.chance(0.92)) at(later(prng, t, 2, 14), (tr) => rate(unit, tr));
    else scheduleClose(t);
  };

  const rate = (unit: Unit, t: number): void => {
    const times = dissatisfiedTimes.get(unit.id) ?? 0;
    const level = (): Satisfaction =>
      prng.weighted([
        ['satisfied', 76],
        ['basically_satisfied', 17],
        ['dissatisfied', times === 0 ? 4 : 12],
      ] as const);
    const attitude = level();
    const result = attitude === 'dissatisfied' ? 'dissatisfied' : level();
    const dissatisfied = attitude === 'dissatisfied' || result === 'dissatisfied';
    const mode = h.state.status !== 'none' && 'assignment' in h.state ? h.state.assignment?.mode : undefined;
    const ok = h.exec(
      {
        type: 'RateSuggestion',
        data: {
          attitude,
          result,
          ...(dissatisfied ? { reason: prng.pick(P.DISSATISFIED_REASONS) } : {}),
          ...(mode === 'separate' ? { unitId: unit.id } : {}),
        },
      },
      actorOf(deputy),
      t,
    );
    if (!ok) return;
    if (dissatisfied) {
      dissatisfiedTimes.set(unit.id, times + 1);
      if (prng.chance(0.7)) at(later(prng, t, 3, 9), (tc) => contact(unit, tc));
      at(later(prng, t, 10, 28), (ta) => answer(unit, ta));
    } else if (status() === 'rated') {
      scheduleClose(t);
    }
  };

  const scheduleClose = (t: number): void => {
    if (!prng.chance(0.85)) return;
    at(later(prng, t, 3, 25), (tc) => {
      // Not rated: staff close once the deputy's feedback window has passed.
      if (status() === 'answered') {
        const s = h.state;
        const due = 'assignment' in s && s.assignment?.feedbackDueAt;
        if (due) return void at(later(prng, Math.max(tc, parseIsoMs(due)), 1, 10), (tl) => close(tl));
      }
      close(tc);
    });
  };
  const close = (t: number): void => {
    h.exec({ type: 'CloseSuggestion', data: {} }, actorOf(staff()), t);
  };

  const contact = (unit: Unit, t: number): void => {
    h.exec(
      { type: 'ContactDeputy', data: { method: prng.pick(P.CONTACT_METHODS), summary: prng.pick(P.CONTACT_SUMMARIES) } },
      actorOf(unit.user),
      t,
    );
  };

  const assign = (t: number, avoid: readonly string[]): void => {
    const mode: AssignmentMode = prng.weighted([
      ['sole', 70],
      ['lead', 22],
      ['separate', 8],
    ] as const);
    const count = mode === 'sole' ? 1 : mode === 'lead' ? prng.int(2, 4) : prng.int(2, 3);
    const candidates = org.units.filter((u) => !avoid.includes(u.id));
    const units = prng.pickDistinct(candidates, count);
    const lead = units[0]!;
    const ok = h.exec(
      {
        type: 'AssignSuggestion',
        data: { mode, unitIds: units.map((u) => u.id), ...(mode === 'lead' ? { leadUnitId: lead.id } : {}) },
      },
      actorOf(staff()),
      t,
    );
    if (!ok) return;
    const answering = mode === 'lead' ? [lead] : units;
    const returning = prng.chance(0.04) ? lead : undefined;
    if (returning) {
      const tr = later(prng, t, 1, 8);
      at(tr, (x) => {
        if (!h.exec({ type: 'RequestReturn', data: { reason: prng.pick(P.RETURN_REASONS) } }, actorOf(returning.user), x)) return;
        at(later(prng, x, 1, 4), (y) => {
          const approve = prng.chance(0.6);
          if (!h.exec({ type: 'DecideReturn', data: { approve } }, actorOf(staff()), y)) return;
          if (approve) at(later(prng, y, 1, 6), (z) => assign(z, [...avoid, returning.id]));
        });
      });
    }
    // Units work in parallel; the agenda keeps their steps in time order.
    for (const co of units.filter((u) => mode === 'lead' && u !== lead)) {
      if (prng.chance(0.9)) {
        at(later(prng, t, 5, 30), (x) =>
          h.exec({ type: 'SubmitCoHandlerOpinion', data: { content: prng.pick(P.CO_OPINIONS) } }, actorOf(co.user), x),
        );
      }
    }
    for (const unit of answering) {
      let answerAt = prng.chance(0.9) ? later(prng, t, 25, 86) : later(prng, t, 93, 130);
      if (prng.chance(0.06)) {
        const tx = later(prng, t, 30, 75);
        const until = iso(t + (120 + prng.int(0, 50)) * DAY_MS);
        at(tx, (x) => {
          if (!h.exec({ type: 'RequestExtension', data: { reason: prng.pick(P.EXTENSION_REASONS), until } }, actorOf(unit.user), x)) return;
          at(later(prng, x, 1, 5), (y) => h.exec({ type: 'DecideExtension', data: { approve: prng.chance(0.85) } }, actorOf(staff()), y));
        });
        answerAt = later(prng, t, 95, 140);
      }
      // Contacts come before the answer (the rules ask for contact first: 先沟通后答复).
      const contacts = prng.weighted([
        [0, 2],
        [1, 14],
        [2, 36],
        [3, 30],
        [4, 18],
      ] as const);
      const span = (answerAt - t) / DAY_MS;
      for (let i = 0; i < contacts; i++) {
        const from = 2 + (span * i) / (contacts + 1);
        at(later(prng, t, from, Math.max(from + 1, (span * (i + 1)) / (contacts + 1))), (x) => contact(unit, x));
      }
      at(answerAt, (x) => answer(unit, x));
    }
    const keySupervised = h.state.status !== 'none' && h.state.keySupervision !== undefined;
    const urges = keySupervised ? prng.int(1, 4) : prng.chance(0.2) ? 1 : 0;
    for (let i = 0; i < urges; i++) {
      at(later(prng, t, 15 + i * 12, 60), (x) =>
        h.exec({ type: 'UrgeSuggestion', data: { note: prng.pick(P.URGE_NOTES) } }, actorOf(prng.pick(org.supervisors)), x),
      );
    }
  };

  // Submission, then staff register it (or not), then assignment.
  const coSigners = prng.chance(0.25) ? prng.pickDistinct(org.deputies.filter((d) => d !== deputy), prng.int(1, 4)) : [];
  at(seed.submittedAtMs, (t) => {
    const ok = h.exec(
      {
        type: 'SubmitSuggestion',
        data: { suggestionId: seed.id, title, content: suggestionContent(prng, vars), coSignerIds: coSigners.map((d) => d.id) },
      },
      actorOf(deputy),
      t,
    );
    if (!ok) return;
    if (prng.chance(0.015)) {
      return void at(later(prng, t, 1, 10), (x) =>
        h.exec({ type: 'WithdrawSuggestion', data: { reason: prng.pick(P.WITHDRAW_REASONS) } }, actorOf(deputy), x),
      );
    }
    at(later(prng, t, 1, 8), (x) => {
      if (prng.chance(0.04)) {
        h.exec({ type: 'RejectSuggestion', data: { reason: prng.pick(P.REJECT_REASONS) } }, actorOf(staff()), x);
        return;
      }
      if (!h.exec({ type: 'AcceptSuggestion', data: {} }, actorOf(staff()), x)) return;
      if (prng.chance(0.1)) {
        const leaderName = prng.chance(0.75) ? `${personName(prng)}${prng.pick(P.LEADER_TITLES)}` : undefined;
        const supervisor = prng.pick(org.supervisors);
        at(x + prng.int(1, 60) * 60_000, (y) =>
          h.exec(
            { type: 'StartKeySupervision', data: { supervisorId: supervisor.id, ...(leaderName ? { leaderName } : {}) } },
            actorOf(supervisor),
            y,
          ),
        );
      }
      at(later(prng, x, 1, 9), (y) => assign(y, []));
    });
  });

  // Run the agenda in time order until the data set's "now".
  while (agenda.length > 0) {
    let next = 0;
    for (let i = 1; i < agenda.length; i++) {
      const a = agenda[i]!;
      const b = agenda[next]!;
      if (a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq)) next = i;
    }
    const action = agenda.splice(next, 1)[0]!;
    if (action.atMs >= seed.endMs) break;
    action.run(action.atMs);
  }
  return h;
}
