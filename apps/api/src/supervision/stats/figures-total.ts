import type { Rate, StatsFigures } from '@duban/read-models';

/**
 * Several units' figures added up (单位次), each rate again numerator over denominator: the total
 * row of a sheet says the same as the overview's totals for the same units and period.
 */
export function totalOf(units: readonly StatsFigures[]): StatsFigures {
  const sum = (pick: (u: StatsFigures) => number) => units.reduce((n, u) => n + pick(u), 0);
  const rate = (pick: (u: StatsFigures) => Rate): Rate => {
    const numerator = sum((u) => pick(u).numerator);
    const denominator = sum((u) => pick(u).denominator);
    return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
  };
  const made = sum((u) => u.commitments.made);
  const fulfilled = sum((u) => u.commitments.fulfilled);
  return {
    assigned: sum((u) => u.assigned),
    answered: sum((u) => u.answered),
    answeredOnTime: rate((u) => u.answeredOnTime),
    overdueNow: sum((u) => u.overdueNow),
    contactRate: rate((u) => u.contactRate),
    satisfactionRate: rate((u) => u.satisfactionRate),
    dissatisfied: sum((u) => u.dissatisfied),
    categories: { A: rate((u) => u.categories.A), B: rate((u) => u.categories.B), C: rate((u) => u.categories.C), D: rate((u) => u.categories.D) },
    byCategory: Object.fromEntries(categoryCodes(units).map((code) => [code, rate((u) => u.byCategory[code] ?? noneOf(u))])),
    commitments: { made, fulfilled, overdue: sum((u) => u.commitments.overdue), fulfilmentRate: { numerator: fulfilled, denominator: made, value: made === 0 ? null : fulfilled / made } },
    rehandlings: sum((u) => u.rehandlings),
  };
}

/** A unit without a code has none of its answers in it: 0 of its answered. */
const noneOf = (u: StatsFigures): Rate => ({ numerator: 0, denominator: u.answered, value: null });

/** Every unit carries the scheme's codes in order; a code of an earlier scheme one unit has follows them. */
function categoryCodes(units: readonly StatsFigures[]): string[] {
  const codes: string[] = [];
  for (const u of units) for (const code of Object.keys(u.byCategory)) if (!codes.includes(code)) codes.push(code);
  return codes;
}
