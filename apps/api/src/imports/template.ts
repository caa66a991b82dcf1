import type { Workbook } from 'exceljs';
import { loadExcel } from './read-sheet';
import type { SheetColumn } from './sheet-columns';

/**
 * An empty import sheet (bold, frozen Chinese headers, required ones marked in the instructions)
 * and a 填写说明 sheet that explains every column: what staff download, fill or paste, upload.
 */
export async function buildTemplate<Key extends string>(sheetName: string, columns: readonly SheetColumn<Key>[], instructions: readonly string[]): Promise<Buffer> {
  const workbook: Workbook = new (loadExcel().Workbook)();
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { alignment: { wrapText: true, vertical: 'top' } } }));
  sheet.getRow(1).font = { bold: true };
  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'header', width: 16 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写要求', key: 'note', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) help.addRow({ header: c.header, required: c.required ? '必填' : '可空', note: c.note });
  help.addRow([]);
  for (const line of instructions) help.addRow({ header: '', required: '', note: line });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
