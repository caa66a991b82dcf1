/**
 * The countable figures of the unit statistics, as stored per assignment period bucket. One
 * handling (a unit's part in one assignment) and its commitments add their counts to the bucket of
 * the assignment's day, so figures for any period are sums over buckets, never a scan of states.
 * The order is the column order of `unit_stat_buckets` and of `unit_handlings`' counted columns.
 */
export const STAT_COLUMNS = [
  'assigned',
  'answered',
  'answered_on_time',
  'contacted',
  'cat_a',
  'cat_b',
  'cat_c',
  'cat_d',
  // 河南 第十九条 has a fifth class: every scheme of the presets fits in A–E (a spec holds them to it).
  'cat_e',
  'rated',
  'satisfied',
  'dissatisfied',
  'rehandlings',
  'commitments_made',
  'commitments_fulfilled',
] as const;

export type StatColumn = (typeof STAT_COLUMNS)[number];
export const STAT_INDEX = Object.fromEntries(STAT_COLUMNS.map((c, i) => [c, i])) as Record<StatColumn, number>;
/** The columns a handling row carries; commitments carry the last two. */
export const HANDLING_STAT_COLUMNS = STAT_COLUMNS.slice(0, STAT_INDEX.commitments_made);

export type StatVector = number[];

export function emptyStats(): StatVector {
  return new Array<number>(STAT_COLUMNS.length).fill(0);
}

export function addInto(target: StatVector, source: readonly number[], sign = 1): void {
  for (let i = 0; i < source.length; i++) target[i]! += sign * source[i]!;
}

export function isZero(vector: readonly number[]): boolean {
  for (const n of vector) if (n !== 0) return false;
  return true;
}

/** The answer category codes counted separately (every preset's scheme); others count only as answered. */
export const COUNTED_CATEGORIES = ['A', 'B', 'C', 'D', 'E'] as const;
export type CountedCategory = (typeof COUNTED_CATEGORIES)[number];

/** The column that counts answers of each category code. */
export const CATEGORY_COLUMNS: Readonly<Record<CountedCategory, StatColumn>> = { A: 'cat_a', B: 'cat_b', C: 'cat_c', D: 'cat_d', E: 'cat_e' };

export function isCountedCategory(code: string): code is CountedCategory {
  return Object.hasOwn(CATEGORY_COLUMNS, code);
}
