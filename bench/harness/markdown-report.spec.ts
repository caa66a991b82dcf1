import { makeRow } from './bench-row';
import { MachineInfo } from './machine';
import { markdownReport } from './markdown-report';

describe('markdownReport', () => {
  it('records the command, the date, the machine, the table and the full output', () => {
    const machine: MachineInfo = { cpu: 'Test CPU', cores: 2, memoryGiB: 4, node: 'v20.0.0', sqlite: '3.50.0', betterSqlite3: '12.0.0', platform: 'Linux x64' };
    const text = markdownReport({
      command: 'npm run bench -- --quick',
      startedAt: new Date('2026-11-22T10:00:00Z'),
      seconds: 95,
      machine,
      rows: [makeRow({ scenario: 'S7', measure: 'ready', figure: 1.2, unit: 's', floors: [{ kind: 'figure_max', value: 3 }] })],
      log: ['== S7 ==', 'ready: 1200 ms'],
      chartFile: 'RESULTS-chart.svg',
    });
    expect(text).toContain('](RESULTS-chart.svg)');
    expect(text).toContain('Command: `npm run bench -- --quick`');
    expect(text).toContain('2026-11-22T10:00:00.000Z (took 95 s)');
    expect(text).toContain('Test CPU · 2 cores');
    expect(text).toContain('| S7 | ready | 1.20 | s |');
    expect(text).toContain('ready: 1200 ms');
  });
});
