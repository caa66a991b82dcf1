import { BadRequestException } from '@nestjs/common';
import type { Cell, Workbook } from 'exceljs';
import type { SheetColumn } from './sheet-columns';

/** One data row of an uploaded sheet: its spreadsheet row number (the header is row 1) and its cells by column key. */
export interface SheetRow<Key extends string> {
  row: number;
  cells: Record<Key, string>;
}

/**
 * Reads the first worksheet of an .xlsx: finds each column by its header in row 1, returns the
 * non-empty rows below as text. A file that is not a workbook, a sheet without a required
 * column, or more rows than `maxRows` is refused whole (400), before anything is written.
 */
export async function readSheet<Key extends string>(buffer: Buffer, columns: readonly SheetColumn<Key>[], maxRows: number): Promise<SheetRow<Key>[]> {
  const workbook: Workbook = new (loadExcel().Workbook)();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw refused('file', '无法读取该文件：请上传 Excel 工作簿（.xlsx），可先下载导入模板');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refused('file', '工作簿中没有工作表');
  const positions = new Map<Key, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const header = normaliseHeader(cellText(cell));
    const column = columns.find((c) => c.header === header);
    if (column && !positions.has(column.key)) positions.set(column.key, col);
  });
  const missing = columns.filter((c) => c.required && !positions.has(c.key));
  if (missing.length > 0) {
    throw refused('file', `第 1 行（表头）缺少列：${missing.map((c) => c.header).join('、')}；请使用导入模板`);
  }
  const rows: SheetRow<Key>[] = [];
  const last = sheet.actualRowCount === 0 ? 0 : sheet.lastRow?.number ?? 0;
  for (let r = 2; r <= last; r++) {
    const row = sheet.getRow(r);
    const cells = {} as Record<Key, string>;
    let empty = true;
    for (const column of columns) {
      const col = positions.get(column.key);
      const text = col === undefined ? '' : cellText(row.getCell(col));
      if (text !== '') empty = false;
      cells[column.key] = text;
    }
    if (empty) continue;
    if (rows.length >= maxRows) throw refused('file', `一次最多导入 ${maxRows} 行，请把文件拆分后分批上传`);
    rows.push({ row: r, cells });
  }
  return rows;
}

/** "标题*" or "标题（必填）" is still 标题: templates often mark required columns. */
function normaliseHeader(text: string): string {
  return text.replace(/[*＊]/g, '').replace(/[（(]\s*(必填|选填|可空)\s*[)）]/g, '').trim();
}

/** What a person sees in the cell, as plain text, with Windows line breaks made \n and the edges trimmed. */
function cellText(cell: Cell): string {
  const value = cell.value;
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else if (value instanceof Date) text = value.toISOString().slice(0, 10);
  else if (typeof value === 'object' && 'richText' in value) text = value.richText.map((part) => part.text).join('');
  else if (typeof value === 'object' && 'result' in value) text = value.result === undefined || value.result === null ? '' : String(value.result);
  else text = cell.text ?? '';
  return text.replace(/\r\n?/g, '\n').trim();
}

function refused(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, code: 'import_file_invalid', message, errors: [{ field, message }] });
}

/** exceljs is loaded on first use (it costs most of a second), as the export does. */
export function loadExcel(): typeof import('exceljs') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof import('exceljs');
}
