import { simulateSuggestion } from './lifecycle';
import { DatasetPlan } from './dataset-plan';
import { CommandEvents, DomainContext } from './suggestion-history';

/** One suggestion's simulated life, in a form that crosses a worker boundary. */
export interface SimulatedSuggestion {
  submittedAtMs: number;
  commands: CommandEvents[];
  status: string;
  refused: number;
  refusals: [string, number][];
}

/** Simulates the plan's suggestions from `from` (inclusive) to `to` (exclusive), in submission order. */
export function simulateRange(plan: DatasetPlan, ctx: DomainContext, from: number, to: number): SimulatedSuggestion[] {
  const out: SimulatedSuggestion[] = [];
  for (let i = from; i < to; i++) {
    const seed = plan.seeds[i]!;
    const h = simulateSuggestion({ ...seed, endMs: plan.endMs }, plan.org, ctx, plan.historiesPrng.fork(seed.id));
    out.push({ submittedAtMs: seed.submittedAtMs, commands: h.commands, status: h.state.status, refused: h.refused, refusals: [...h.refusals] });
  }
  return out;
}
