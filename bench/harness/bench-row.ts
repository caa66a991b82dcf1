import { assertNever } from '@duban/domain';

/** A bound a figure or a ratio must respect. Ratios are product ÷ anchor. */
export type Floor =
  | { kind: 'ratio_min'; value: number }
  | { kind: 'ratio_max'; value: number }
  | { kind: 'figure_min'; value: number }
  | { kind: 'figure_max'; value: number };

/** One line of the final table (and of the `--json` array). */
export interface BenchRow {
  scenario: string;
  /** What the figure is, e.g. "durable appends, 1 event/commit". */
  measure: string;
  /** The product's figure; null when it could not be measured (see note). */
  figure: number | null;
  unit: string;
  /** The anchor's figure measured in the same run; null when the scenario has none or it is missing. */
  anchor: number | null;
  anchorName: string | null;
  ratio: number | null;
  floors: Floor[];
  floorText: string;
  /** null: not judged (no floor, or a figure is missing). */
  pass: boolean | null;
  note?: string;
}

export interface RowInput {
  scenario: string;
  measure: string;
  figure: number | null;
  unit: string;
  anchor?: number | null;
  anchorName?: string | null;
  floors: Floor[];
  note?: string;
  /** A reason the row fails whatever its figures (e.g. an acknowledged append was not durable). */
  failure?: string;
}

/** Builds a row: computes the ratio and judges every floor; a missing figure is never a pass. */
export function makeRow(input: RowInput): BenchRow {
  const anchor = input.anchor ?? null;
  const ratio = input.figure !== null && anchor !== null && anchor !== 0 ? input.figure / anchor : null;
  let pass: boolean | null = input.floors.length === 0 ? null : true;
  for (const floor of input.floors) {
    const verdict = judge(floor, input.figure, ratio);
    if (verdict === null) {
      pass = null;
      break;
    }
    if (!verdict) pass = false;
  }
  if (input.failure !== undefined) pass = false;
  const note = [input.failure, input.note].filter((n): n is string => n !== undefined).join('; ');
  return {
    scenario: input.scenario,
    measure: input.measure,
    figure: input.figure,
    unit: input.unit,
    anchor,
    anchorName: input.anchorName ?? null,
    ratio,
    floors: input.floors,
    floorText: input.floors.map(describeFloor).join(' & ') || '—',
    pass,
    ...(note !== '' ? { note } : {}),
  };
}

function judge(floor: Floor, figure: number | null, ratio: number | null): boolean | null {
  switch (floor.kind) {
    case 'ratio_min':
      return ratio === null ? null : ratio >= floor.value;
    case 'ratio_max':
      return ratio === null ? null : ratio <= floor.value;
    case 'figure_min':
      return figure === null ? null : figure >= floor.value;
    case 'figure_max':
      return figure === null ? null : figure <= floor.value;
    default:
      return assertNever(floor, 'floor');
  }
}

export function describeFloor(floor: Floor): string {
  switch (floor.kind) {
    case 'ratio_min':
      return `ratio ≥ ${floor.value}`;
    case 'ratio_max':
      return `ratio ≤ ${floor.value}`;
    case 'figure_min':
      return `≥ ${floor.value}`;
    case 'figure_max':
      return `≤ ${floor.value}`;
    default:
      return assertNever(floor, 'floor');
  }
}
