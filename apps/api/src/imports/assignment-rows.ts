import type { AssignmentMode } from '@duban/domain';
import type { RowError } from './import-report';
import type { SheetRow } from './read-sheet';
import { ASSIGNMENT_COLUMNS, splitNames } from './sheet-columns';

type Key = (typeof ASSIGNMENT_COLUMNS)[number]['key'];

/** A plan row that passed its checks: which numbered suggestion, and its assignment. */
export interface AssignmentRow {
  row: number;
  number: number;
  mode: AssignmentMode;
  unitIds: string[];
  leadUnitId?: string;
}

/** How staff write the mode: the labels the web shows, and the usual short forms. */
const MODES: Record<string, AssignmentMode> = {
  单独办理: 'sole',
  单独: 'sole',
  承办: 'sole',
  '主办+协办': 'lead',
  主办协办: 'lead',
  主协办: 'lead',
  主办: 'lead',
  分别办理: 'separate',
  分别: 'separate',
  分办: 'separate',
  sole: 'sole',
  lead: 'lead',
  separate: 'separate',
};

const HEADER: Record<Key, string> = Object.fromEntries(ASSIGNMENT_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

/** Units by id or by name (names are how a 交办会's list is written). */
export class UnitIndex {
  private readonly byKey = new Map<string, string>();

  constructor(units: readonly { id: string; name: string }[]) {
    for (const unit of units) {
      this.byKey.set(unit.id, unit.id);
      this.byKey.set(unit.name.replace(/\s/g, ''), unit.id);
    }
  }

  idOf(written: string): string | null {
    return this.byKey.get(written) ?? this.byKey.get(written.replace(/\s/g, '')) ?? null;
  }
}

/** `123`, `0123`, `第0123号`, `第123号`: the number as the web shows it or as typed. */
export function parseSuggestionNumber(text: string): number | null {
  const match = /^第?\s*0*(\d{1,9})\s*号?$/.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]);
  return value >= 1 ? value : null;
}

/** Checks one plan row as the 交办 route would check its body, naming the column of each problem. */
export function checkAssignmentRow(row: SheetRow<Key>, units: UnitIndex): AssignmentRow | RowError[] {
  const errors: RowError[] = [];
  const fail = (key: Key, message: string): void => {
    errors.push({ row: row.row, column: HEADER[key], message });
  };
  const number = parseSuggestionNumber(row.cells.number);
  if (row.cells.number === '') fail('number', '编号不能为空');
  else if (number === null) fail('number', `编号「${row.cells.number}」无效：应为正整数，如 123 或 第0123号`);

  const mode = MODES[row.cells.mode.replace(/\s/g, '')];
  if (row.cells.mode === '') fail('mode', '办理方式不能为空');
  else if (mode === undefined) fail('mode', `办理方式「${row.cells.mode}」无效：只能是 单独办理、主办协办、分别办理 之一`);

  const unitIds: string[] = [];
  const names = splitNames(row.cells.units);
  if (names.length === 0) fail('units', '承办单位不能为空');
  for (const name of names) {
    const id = units.idOf(name);
    if (id === null) fail('units', `找不到承办单位「${name}」`);
    else if (unitIds.includes(id)) fail('units', `承办单位「${name}」重复`);
    else unitIds.push(id);
  }
  if (mode === 'sole' && names.length > 1) fail('units', '单独办理只能有一个承办单位');

  let leadUnitId: string | undefined;
  if (row.cells.leadUnit !== '') {
    leadUnitId = units.idOf(row.cells.leadUnit) ?? undefined;
    if (leadUnitId === undefined) fail('leadUnit', `找不到主办单位「${row.cells.leadUnit}」`);
    else if (mode !== 'lead') fail('leadUnit', '只有主办协办方式才填主办单位');
    else if (!unitIds.includes(leadUnitId)) fail('leadUnit', '主办单位须是承办单位之一');
  } else if (mode === 'lead') fail('leadUnit', '主办协办方式须填写主办单位');

  if (errors.length > 0 || number === null || mode === undefined) return errors;
  return { row: row.row, number, mode, unitIds, ...(leadUnitId !== undefined ? { leadUnitId } : {}) };
}
