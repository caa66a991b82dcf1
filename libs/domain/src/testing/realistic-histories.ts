import { instantMs } from '../calendar/local-date';
import { WorkingCalendar } from '../calendar/working-calendar';
import { NATIONAL_RULEBOOK } from '../rulebook/presets';
import { Rulebook } from '../rulebook/rulebook';
import { Actor, SYSTEM_ACTOR } from '../shared/actor';
import { DomainError } from '../shared/errors';
import { SuggestionCommand } from '../suggestion/commands';
import { decideSuggestion } from '../suggestion/decide';
import { nextWakeUp } from '../suggestion/deadlines/next-wake-up';
import { SuggestionEvent } from '../suggestion/events';
import { evolveSuggestion, initialSuggestionState } from '../suggestion/evolve';
import { Stamped, SuggestionState } from '../suggestion/state';
import { seededRandom } from './seeded-random';


const DEPUTIES = ['dep-a', 'dep-b', 'dep-c', 'dep-d'];
const UNITS = ['unit-1', 'unit-2', 'unit-3', 'unit-4', 'unit-5'];
const STAFF: Actor = { userId: 'staff-x', role: 'staff' };
const SUPERVISOR: Actor = { userId: 'sup-x', role: 'supervisor' };
const DAY = 86_400_000;
const unitActor = (unitId: string): Actor => ({ userId: `${unitId}-officer`, role: 'unit', unitId });

interface Step {
  at: number;
  actor: Actor;
  command: SuggestionCommand;
}

export interface HistoryOptions {
  /** Play the scheduler (RecordDeadlines at every nextWakeUp) between the steps, as the api does. */
  scheduler: boolean;
  rulebook?: Rulebook;
}

/**
 * `count` suggestion streams written through the real decider: the lifecycle mix of the read models'
 * random history (rejections, sole / lead / separate, contacts, co-opinions, key supervision, answers
 * with commitments, dissatisfied ratings with re-handling, closing), plus returns, extensions, urges,
 * fulfilled commitments and publication, and optionally the scheduler's reminders and misses.
 * A step the rules refuse is left out (the stream stays one the decider really produces).
 */
export function realisticHistories(count: number, seed: number, calendar: WorkingCalendar, options: HistoryOptions): Stamped<SuggestionEvent>[][] {
  const random = seededRandom(seed);
  const rulebook = options.rulebook ?? NATIONAL_RULEBOOK;
  const histories: Stamped<SuggestionEvent>[][] = [];
  for (let i = 0; i < count; i++) {
    const steps = lifecycle(`h-${seed}-${i}`, i, random);
    histories.push(play(steps, rulebook, calendar, options.scheduler));
  }
  return histories;
}

function lifecycle(id: string, i: number, random: () => number): Step[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const steps: Step[] = [];
  const lead: Actor = { userId: pick(DEPUTIES), role: 'deputy' };
  const coSigners = random() < 0.3 ? DEPUTIES.filter((d) => d !== lead.userId).slice(0, 1 + Math.floor(random() * 2)) : [];
  let t = Date.parse('2026-01-05T01:00:00.000Z') + Math.floor(random() * 200 * DAY);
  const add = (actor: Actor, command: SuggestionCommand) => steps.push({ at: t, actor, command });
  const title = `关于第${i}号民生事项的建议`;
  add(lead, { type: 'SubmitSuggestion', data: { suggestionId: id, title, content: `建议内容${i}：${'完善公共服务。'.repeat(1 + (i % 5))}`, coSignerIds: coSigners } });
  t += DAY;
  if (random() < 0.1) {
    add(STAFF, { type: 'RejectSuggestion', data: { reason: '不属于建议范围' } });
    return steps;
  }
  add(STAFF, { type: 'AcceptSuggestion', data: {} });
  if (random() < 0.15) {
    t += DAY;
    add(SUPERVISOR, { type: 'StartKeySupervision', data: { supervisorId: 'sup-x', leaderName: '副市长' } });
  }
  if (random() < 0.1) return steps; // waits to be assigned
  t += 2 * DAY;
  const mode = pick(['sole', 'sole', 'lead', 'separate'] as const);
  let units = mode === 'sole' ? [pick(UNITS)] : UNITS.slice(i % 4, (i % 4) + 2);
  add(STAFF, { type: 'AssignSuggestion', data: { mode, unitIds: units, ...(mode === 'lead' ? { leadUnitId: units[0] } : {}) } });
  if (mode === 'sole' && random() < 0.05) {
    t += 2 * DAY;
    add(unitActor(units[0]!), { type: 'RequestReturn', data: { reason: '不属于本单位职责' } });
    t += DAY;
    const approve = random() < 0.5;
    add(STAFF, { type: 'DecideReturn', data: { approve, reason: approve ? '同意退回' : '属于本单位职责' } });
    if (approve) {
      t += 2 * DAY;
      units = [UNITS.find((u) => u !== units[0])!];
      add(STAFF, { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: units } });
    }
  }
  const answering = mode === 'lead' ? [units[0]!] : units;
  t += 3 * DAY;
  add(unitActor(units[0]!), { type: 'ContactDeputy', data: { method: '电话', summary: '沟通办理思路' } });
  if (mode === 'lead') add(unitActor(units[1]!), { type: 'SubmitCoHandlerOpinion', data: { content: '同意主办单位意见' } });
  if (random() < 0.05) add(SUPERVISOR, { type: 'UrgeSuggestion', data: { note: '请加快办理' } });
  if (random() < 0.15) return steps; // still being handled
  if (random() < 0.1) {
    t += 10 * DAY;
    add(unitActor(answering[0]!), { type: 'RequestExtension', data: { reason: '需协调多个部门', until: new Date(t + 120 * DAY).toISOString() } });
    t += DAY;
    add(STAFF, { type: 'DecideExtension', data: { approve: true } });
  }
  for (const round of [1, 2]) {
    t += 15 * DAY;
    for (const unitId of answering) {
      const category = pick(['A', 'B', 'D'] as const);
      const commitments = category === 'B' ? [{ description: '列入明年计划', dueAt: new Date(t + 200 * DAY).toISOString() }] : [];
      add(unitActor(unitId), { type: 'AnswerSuggestion', data: { category, content: `第${round}次答复`, signedBy: '局长', commitments } });
    }
    if (random() < 0.2) return steps; // not rated yet
    t += 5 * DAY;
    const dissatisfied = round === 1 && random() < 0.3;
    for (const unitId of answering) {
      add(lead, {
        type: 'RateSuggestion',
        data: dissatisfied
          ? { attitude: 'satisfied', result: 'dissatisfied', reason: '问题未解决', ...(mode === 'separate' ? { unitId } : {}) }
          : { attitude: 'satisfied', result: 'satisfied', ...(mode === 'separate' ? { unitId } : {}) },
      });
    }
    if (!dissatisfied) break;
  }
  if (random() < 0.3) {
    t += DAY;
    add(STAFF, { type: 'PublishAnswer', data: {} });
  }
  if (random() < 0.5) {
    t += DAY;
    add(STAFF, { type: 'CloseSuggestion', data: {} });
  }
  if (random() < 0.3) {
    t += 100 * DAY;
    add(unitActor(answering[0]!), { type: 'FulfilCommitment', data: { commitmentId: 'C1', evidence: '已列入年度计划并启动' } });
  }
  return steps;
}

function play(steps: Step[], rulebook: Rulebook, calendar: WorkingCalendar, scheduler: boolean): Stamped<SuggestionEvent>[] {
  const stream: Stamped<SuggestionEvent>[] = [];
  let state: SuggestionState = initialSuggestionState();
  const run = (command: SuggestionCommand, at: string, actor: Actor): boolean => {
    let events: SuggestionEvent[];
    try {
      events = decideSuggestion(command, state, { now: at, actor, rulebook, calendar });
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
    for (const event of events) {
      const stamped = { ...event, at, by: actor } as Stamped<SuggestionEvent>;
      stream.push(stamped);
      state = evolveSuggestion(state, stamped);
    }
    return events.length > 0;
  };
  const scheduleUntil = (until: number) => {
    for (let runs = 0; runs < 50; runs++) {
      const wake = nextWakeUp(state, rulebook, calendar);
      if (wake === null || instantMs(wake) > until) return;
      const last = stream.length ? instantMs(stream[stream.length - 1]!.at) : instantMs(wake);
      if (!run({ type: 'RecordDeadlines', data: {} }, new Date(Math.max(instantMs(wake), last)).toISOString(), SYSTEM_ACTOR)) return;
    }
  };
  for (const step of steps) {
    if (scheduler) scheduleUntil(step.at);
    run(step.command, new Date(step.at).toISOString(), step.actor);
  }
  // Everything still open runs on for a year after the last step.
  if (scheduler && steps.length) scheduleUntil(steps[steps.length - 1]!.at + 365 * DAY);
  return stream;
}
