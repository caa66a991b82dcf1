import { BenchRow } from './bench-row';
import { describeMachine, MachineInfo } from './machine';
import { renderMarkdownTable } from './table';

/** A run as Markdown: how it was started, when, where, the table, then everything it printed. */
export function markdownReport(input: {
  command: string;
  startedAt: Date;
  seconds: number;
  machine: MachineInfo;
  rows: readonly BenchRow[];
  log: readonly string[];
  /** An image beside the report (the floor chart), shown above the table. */
  chartFile?: string;
}): string {
  const notes = input.rows.filter((r) => r.note !== undefined).map((r) => `- **${r.scenario} ${r.measure}**: ${r.note}`);
  return [
    `Command: \`${input.command}\``,
    '',
    `Date: ${input.startedAt.toISOString()} (took ${Math.round(input.seconds)} s)`,
    '',
    `Machine: ${describeMachine(input.machine).replace(/^machine: /, '')}`,
    '',
    ...(input.chartFile ? [`![Each floor's margin: right of the line passes](${input.chartFile})`, ''] : []),
    renderMarkdownTable(input.rows),
    '',
    ...(notes.length > 0 ? [...notes, ''] : []),
    '<details><summary>Full output</summary>',
    '',
    '```text',
    ...input.log,
    '```',
    '',
    '</details>',
    '',
  ].join('\n');
}
