import type { Actor, SuggestionCommand } from '@duban/domain';
import type { ScenarioStep } from './demo-scenario';
import { seededRandom } from '../../../domain/src/testing/seeded-random';


const DEPUTIES = ['dep-a', 'dep-b', 'dep-c', 'dep-d'];
const UNITS = ['unit-1', 'unit-2', 'unit-3', 'unit-4', 'unit-5'];
const STAFF: Actor = { userId: 'staff-x', role: 'staff' };
const SUPERVISOR: Actor = { userId: 'sup-x', role: 'supervisor' };
const DAY = 86_400_000;

interface TimedStep {
  at: number;
  order: number;
  step: ScenarioStep;
}

/**
 * `count` suggestions with lifecycles of varying length (rejections, sole / lead / separate
 * assignments, contacts, co-opinions, key supervision, answers, dissatisfied ratings with
 * re-handling, closing), their steps interleaved in time order as a busy office would write them.
 */
export function randomHistory(count: number, seed: number, start = Date.parse('2026-01-05T01:00:00.000Z')): ScenarioStep[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const steps: TimedStep[] = [];
  let order = 0;
  for (let i = 0; i < count; i++) {
    const id = `r-${seed}-${i}`;
    const lead: Actor = { userId: pick(DEPUTIES), role: 'deputy' };
    const coSigners = random() < 0.3 ? DEPUTIES.filter((d) => d !== lead.userId).slice(0, 1 + Math.floor(random() * 2)) : [];
    let t = start + Math.floor(random() * 20 * DAY);
    const add = (actor: Actor, command: SuggestionCommand) => {
      const at = new Date(t).toISOString();
      steps.push({ at: t, order: order++, step: (w) => w.command(id, actor, at, command) });
    };
    add(lead, { type: 'SubmitSuggestion', data: { suggestionId: id, title: `关于第${i}号民生事项的建议`, content: `建议内容${i}：${'完善公共服务。'.repeat(1 + (i % 5))}`, coSignerIds: coSigners } });
    t += DAY;
    if (random() < 0.1) {
      add(STAFF, { type: 'RejectSuggestion', data: { reason: '不属于建议范围' } });
      continue;
    }
    add(STAFF, { type: 'AcceptSuggestion', data: {} });
    if (random() < 0.15) {
      t += DAY;
      add(SUPERVISOR, { type: 'StartKeySupervision', data: { supervisorId: 'sup-x', leaderName: '副市长' } });
    }
    if (random() < 0.1) continue; // waits to be assigned
    t += 2 * DAY;
    const mode = pick(['sole', 'sole', 'lead', 'separate'] as const);
    const units = mode === 'sole' ? [pick(UNITS)] : UNITS.slice(i % 4, (i % 4) + 2);
    add(STAFF, { type: 'AssignSuggestion', data: { mode, unitIds: units, ...(mode === 'lead' ? { leadUnitId: units[0] } : {}) } });
    const unitActor = (unitId: string): Actor => ({ userId: `${unitId}-officer`, role: 'unit', unitId });
    const answering = mode === 'lead' ? [units[0]!] : units;
    t += 3 * DAY;
    add(unitActor(units[0]!), { type: 'ContactDeputy', data: { method: '电话', summary: '沟通办理思路' } });
    if (mode === 'lead') add(unitActor(units[1]!), { type: 'SubmitCoHandlerOpinion', data: { content: '同意主办单位意见' } });
    if (random() < 0.15) continue; // still being handled
    for (const round of [1, 2]) {
      t += 15 * DAY;
      for (const unitId of answering) {
        const category = pick(['A', 'B', 'D'] as const);
        const commitments = category === 'B' ? [{ description: '列入明年计划', dueAt: new Date(t + 200 * DAY).toISOString() }] : [];
        add(unitActor(unitId), { type: 'AnswerSuggestion', data: { category, content: `第${round}次答复`, signedBy: '局长', commitments } });
      }
      if (random() < 0.2) break; // not rated yet
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
      if (!dissatisfied) {
        if (random() < 0.5) {
          t += DAY;
          add(STAFF, { type: 'CloseSuggestion', data: {} });
        }
        break;
      }
    }
  }
  steps.sort((a, b) => a.at - b.at || a.order - b.order);
  return steps.map((s) => s.step);
}
