import { makeRow } from './bench-row';
import { formatNumber, renderMarkdownTable, renderTable } from './table';

describe('result table', () => {
  const rows = [
    makeRow({ scenario: 'S1', measure: 'durable append', figure: 3210.4, unit: 'events/s', anchor: 3500, anchorName: 'loop', floors: [{ kind: 'ratio_min', value: 0.8 }] }),
    makeRow({ scenario: 'S6', measure: 'stats', figure: null, unit: 'ms p99', floors: [{ kind: 'figure_max', value: 10 }], note: 'not available' }),
  ];

  it('shows every column the issue asks for, the verdicts and the notes', () => {
    const text = renderTable(rows);
    const [header] = text.split('\n');
    for (const column of ['scenario', 'figure', 'unit', 'anchor figure', 'ratio', 'floor', 'result']) expect(header).toContain(column);
    expect(text).toContain('3,210');
    expect(text).toContain('0.92');
    expect(text).toContain('PASS');
    expect(text).toContain('n/a');
    expect(text).toContain('S6 stats: not available');
  });

  it('renders the same rows as Markdown', () => {
    const md = renderMarkdownTable(rows).split('\n');
    expect(md).toHaveLength(4);
    expect(md[2]).toMatch(/^\| S1 \| durable append \| 3,210 \|/);
  });

  it('formats figures by magnitude', () => {
    expect(formatNumber(123456.7)).toBe('123,457');
    expect(formatNumber(42.25)).toBe('42.3');
    expect(formatNumber(1.234)).toBe('1.23');
    expect(formatNumber(null)).toBe('—');
  });
});
