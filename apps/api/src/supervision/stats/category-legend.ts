import type { Rulebook } from '@duban/domain';
import type { StatsFigures } from '@duban/read-models';

/** One answer category as the statistics name it: its code and the rulebook's words for it. */
export interface CategoryLegendEntry {
  code: string;
  label: string;
}

/**
 * The categories the figures' `byCategory` counts, in their order, each with its label from the
 * rulebook in force (河南 第十九条: A–E). A code answered under an earlier scheme, which the rulebook no
 * longer names, is listed after them with a label that says so.
 */
export function categoryLegend(rulebook: Pick<Rulebook, 'answerCategories'>, figures: readonly StatsFigures[]): CategoryLegendEntry[] {
  const legend: CategoryLegendEntry[] = rulebook.answerCategories.map((c) => ({ code: c.code, label: c.label }));
  for (const f of figures) {
    for (const code of Object.keys(f.byCategory)) {
      if (!legend.some((entry) => entry.code === code)) legend.push({ code, label: `${code}类（现行答复类别中没有此类）` });
    }
  }
  return legend;
}
