import type { Actor, SuggestionCommand } from '@duban/domain';
import { createOrganisation, actorOf } from '../../generator/organisation';
import * as P from '../../generator/phrases';
import { Prng } from '../../generator/prng';
import { DAY_MS } from '../../generator/sim-time';
import { CommandEvents, DomainContext, SuggestionHistory } from '../../generator/suggestion-history';
import { answerContent, suggestionContent, suggestionTitle } from '../../generator/texts';

/** One existing suggestion to answer and then rate, with the two commands ready to send. */
export interface CommandFixture {
  suggestionId: string;
  streamId: string;
  history: CommandEvents[];
  steps: { command: SuggestionCommand; actor: Actor }[];
}

/**
 * Suggestions submitted, accepted, assigned to one unit and contacted twice (five events, the
 * usual length of a stream when the answer comes), built through the decider; then the answer
 * (category A, a realistic signed text) by that unit and a satisfied rating by the lead deputy.
 */
export function buildCommandFixtures(count: number, seed: string, ctx: DomainContext, nowMs: number): CommandFixture[] {
  const prng = new Prng(seed);
  const org = createOrganisation(prng.fork('org'), 1000);
  const fixtures: CommandFixture[] = [];
  for (let i = 0; i < count; i++) {
    const p = prng.fork(`s${i}`);
    const suggestionId = p.uuid();
    const h = new SuggestionHistory(`suggestion-${suggestionId}`, p, ctx);
    const deputy = p.pick(org.deputies);
    const staff = p.pick(org.staff);
    const unit = p.pick(org.units);
    const vars = { topic: p.pick(P.TOPICS), region: p.pick(P.REGIONS), year: new Date(nowMs).getUTCFullYear() };
    const title = suggestionTitle(p, vars);
    const t0 = nowMs - 40 * DAY_MS - p.int(0, 3_600_000);
    const ok =
      h.exec({ type: 'SubmitSuggestion', data: { suggestionId, title, content: suggestionContent(p, vars), coSignerIds: [] } }, actorOf(deputy), t0) &&
      h.exec({ type: 'AcceptSuggestion', data: {} }, actorOf(staff), t0 + 2 * DAY_MS) &&
      h.exec({ type: 'AssignSuggestion', data: { mode: 'sole', unitIds: [unit.id] } }, actorOf(staff), t0 + 5 * DAY_MS) &&
      h.exec({ type: 'ContactDeputy', data: { method: '电话', summary: p.pick(P.CONTACT_SUMMARIES) } }, actorOf(unit.user), t0 + 9 * DAY_MS) &&
      h.exec({ type: 'ContactDeputy', data: { method: '走访', summary: p.pick(P.CONTACT_SUMMARIES) } }, actorOf(unit.user), t0 + 20 * DAY_MS);
    if (!ok) throw new Error(`fixture ${i}: the decider refused a setup command (${[...h.refusals.keys()].join(', ')})`);
    fixtures.push({
      suggestionId,
      streamId: h.streamId,
      history: h.commands,
      steps: [
        {
          command: {
            type: 'AnswerSuggestion',
            data: {
              category: 'A',
              content: answerContent(p, { ...vars, category: 'A', title, deputyName: deputy.displayName }),
              signedBy: unit.head,
              commitments: [],
            },
          },
          actor: actorOf(unit.user),
        },
        { command: { type: 'RateSuggestion', data: { attitude: 'satisfied', result: 'satisfied' } }, actor: actorOf(deputy) },
      ],
    });
  }
  return fixtures;
}

/**
 * Runs every fixture's steps in order with `workers` concurrent workers; each worker takes the
 * next fixture and sends its commands one after the other (the rating needs the answer first).
 */
export async function runFixtures(
  fixtures: readonly CommandFixture[],
  workers: number,
  send: (fixture: CommandFixture, step: CommandFixture['steps'][number]) => Promise<void>,
): Promise<{ commands: number; failures: Map<string, number>; firstError?: string }> {
  let next = 0;
  let commands = 0;
  const failures = new Map<string, number>();
  let firstError: string | undefined;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < fixtures.length) {
        const fixture = fixtures[next++]!;
        for (const step of fixture.steps) {
          try {
            await send(fixture, step);
            commands += 1;
          } catch (error) {
            const code = (error as { code?: string }).code ?? (error instanceof Error ? error.name : 'error');
            failures.set(code, (failures.get(code) ?? 0) + 1);
            firstError ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
            break;
          }
        }
      }
    }),
  );
  return { commands, failures, ...(firstError !== undefined ? { firstError } : {}) };
}
