import type { UnitVote } from './unit-votes';

/** Past suggestions named in a reason, at most. */
const NAMED = 3;

/**
 * "与已交办给市交通运输局的第12、37号建议相似", naming the closest past suggestions behind the vote,
 * and the ones the unit handed back if any. `labelOf` gives 第12号 once numbers exist, a short title before.
 */
export function routingReason(unitName: string, vote: UnitVote, labelOf: (id: string) => string): string {
  const support = names(vote.support.map((n) => n.id), labelOf);
  let reason = support ? `与已交办给${unitName}的${support}建议相似` : `相似建议曾交由${unitName}办理`;
  const against = names(vote.against.map((n) => n.id), labelOf);
  if (against) reason += `；但该单位曾退回或转出相似的${against}建议`;
  return reason;
}

/** 第12、37号 when every label is a number, else the labels joined with 、 */
function names(ids: readonly string[], labelOf: (id: string) => string): string {
  const unique = [...new Set(ids)];
  const labels = unique.slice(0, NAMED).map(labelOf);
  if (labels.length === 0) return '';
  const more = unique.length > NAMED ? `等${unique.length}件` : '';
  const numbers = labels.map((l) => /^第(\d+)号$/.exec(l)?.[1]);
  if (numbers.every((n) => n !== undefined)) return `第${numbers.join('、')}号${more}`;
  return `${labels.join('、')}${more}`;
}
