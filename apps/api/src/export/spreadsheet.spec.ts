let excelLoads = 0;
jest.mock('exceljs', () => {
  excelLoads++;
  return jest.requireActual('exceljs');
});

import { buildSheet } from './spreadsheet';

describe('spreadsheet export', () => {
  it('loads exceljs only when the first sheet is built, not when the service starts', async () => {
    // Importing the module is what start-up does: exceljs (~0.6 s of CPU) must not come with it.
    expect(excelLoads).toBe(0);
    const sheet = await buildSheet('建议', [{ header: '标题', width: 20, value: (row: { title: string }) => row.title }], [{ title: '关于夜间公交的建议' }]);
    expect(excelLoads).toBe(1);
    // An .xlsx is a zip archive.
    expect(sheet.subarray(0, 2).toString('latin1')).toBe('PK');
    await buildSheet('建议', [], []);
    expect(excelLoads).toBe(1);
  });
});
