import { BenchRow } from './bench-row';

/** Human figures: integers keep thousands separators, small values keep 2–3 significant digits. */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function verdict(pass: boolean | null): string {
  if (pass === null) return 'n/a';
  return pass ? 'PASS' : 'FAIL';
}

const HEADERS = ['scenario', 'measure', 'figure', 'unit', 'anchor', 'anchor figure', 'ratio', 'floor', 'result'] as const;

export function tableCells(row: BenchRow): string[] {
  return [
    row.scenario,
    row.measure,
    formatNumber(row.figure),
    row.unit,
    row.anchorName ?? '—',
    formatNumber(row.anchor),
    row.ratio === null ? '—' : row.ratio.toFixed(2),
    row.floorText,
    verdict(row.pass),
  ];
}

/** A plain-text table, columns padded to their widest cell; notes follow under it. */
export function renderTable(rows: readonly BenchRow[]): string {
  const body = rows.map(tableCells);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ').trimEnd();
  const out = [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)];
  const notes = rows.filter((r) => r.note !== undefined).map((r) => `  ${r.scenario} ${r.measure}: ${r.note}`);
  if (notes.length > 0) out.push('', 'notes:', ...notes);
  return out.join('\n');
}

/** The same table as Markdown, for RESULTS.md. */
export function renderMarkdownTable(rows: readonly BenchRow[]): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  const out = [`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map(() => '---').join('|')}|`];
  for (const row of rows) out.push(`| ${tableCells(row).map(esc).join(' | ')} |`);
  return out.join('\n');
}
