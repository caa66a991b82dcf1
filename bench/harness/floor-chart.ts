import { assertNever } from '@duban/domain';
import { BenchRow, Floor } from './bench-row';
import { formatNumber } from './table';

/**
 * How far a row is from its floor, as one number: 1 is exactly at the floor, above 1 is a pass
 * (2 = twice as good as required), below 1 a shortfall. A row with several floors is as good as
 * its worst one; null when a figure is missing.
 */
export function floorMargin(row: BenchRow): number | null {
  let worst: number | null = null;
  for (const floor of row.floors) {
    const margin = marginOf(floor, row.figure, row.ratio);
    if (margin === null) return null;
    worst = worst === null ? margin : Math.min(worst, margin);
  }
  return worst;
}

function marginOf(floor: Floor, figure: number | null, ratio: number | null): number | null {
  switch (floor.kind) {
    case 'ratio_min':
      return ratio === null ? null : ratio / floor.value;
    case 'ratio_max':
      return ratio === null || ratio === 0 ? null : floor.value / ratio;
    case 'figure_min':
      return figure === null ? null : figure / floor.value;
    case 'figure_max':
      return figure === null || figure === 0 ? null : floor.value / figure;
    default:
      return assertNever(floor, 'floor');
  }
}

const WIDTH = 980;
const LABEL_WIDTH = 400;
const ROW_HEIGHT = 26;
const TOP = 44;
/** Margins are drawn on a log scale from 1/100 to 100× the floor, so both shortfalls and big passes read. */
const MIN_LOG = -2;
const MAX_LOG = 2;

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/**
 * The run's rows with a floor as an SVG bar chart of their margins, the floor as a vertical line:
 * a reader sees at once which scenarios pass, by how much, and how far the others fall short.
 */
export function renderFloorChart(rows: readonly BenchRow[], title: string): string {
  const judged = rows.filter((r) => r.floors.length > 0);
  const plotWidth = WIDTH - LABEL_WIDTH - 60;
  const x = (margin: number): number => {
    const log = Math.min(MAX_LOG, Math.max(MIN_LOG, Math.log10(margin)));
    return LABEL_WIDTH + ((log - MIN_LOG) / (MAX_LOG - MIN_LOG)) * plotWidth;
  };
  const height = TOP + judged.length * ROW_HEIGHT + 40;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="10" y="36" fill="#555">margin over the floor (log scale): right of the line passes, left of it falls short</text>`,
  ];
  const bottom = TOP + judged.length * ROW_HEIGHT;
  for (const tick of [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100]) {
    parts.push(`<line x1="${x(tick)}" y1="${TOP - 2}" x2="${x(tick)}" y2="${bottom}" stroke="${tick === 1 ? '#000' : '#ddd'}" stroke-width="${tick === 1 ? 2 : 1}"/>`);
    parts.push(`<text x="${x(tick)}" y="${bottom + 16}" text-anchor="middle" fill="#555">${tick === 1 ? 'floor' : `${tick}×`}</text>`);
  }
  judged.forEach((row, i) => {
    const y = TOP + i * ROW_HEIGHT;
    const margin = floorMargin(row);
    parts.push(`<text x="10" y="${y + 16}">${escapeXml(`${row.scenario} ${row.measure}`.slice(0, 34))}</text>`);
    const figure = row.ratio !== null ? `${row.ratio.toFixed(2)}× anchor` : `${formatNumber(row.figure)} ${row.unit}`;
    parts.push(`<text x="${LABEL_WIDTH - 8}" y="${y + 16}" text-anchor="end" fill="#333">${escapeXml(`${figure} (${row.floorText})`)}</text>`);
    if (margin === null) {
      parts.push(`<text x="${x(1) + 6}" y="${y + 16}" fill="#999">not measured</text>`);
      return;
    }
    const from = x(1);
    const to = x(margin);
    const color = row.pass ? '#2e7d32' : '#c62828';
    parts.push(`<rect x="${Math.min(from, to)}" y="${y + 4}" width="${Math.max(1, Math.abs(to - from))}" height="16" fill="${color}"/>`);
    parts.push(`<text x="${Math.max(from, to) + 4}" y="${y + 16}" fill="#555">${margin.toFixed(2)}×</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
