import { LIST_MAX, PRINTABLE_TEXT, VISIBLE_TEXT } from '../http/validation/fields';
import { CONTENT_MAX, TITLE_MAX } from '../suggestions/dto/limits';
import type { DeputyIndex } from './deputy-index';
import type { RowError } from './import-report';
import type { SheetRow } from './read-sheet';
import { splitNames, SUGGESTION_COLUMNS } from './sheet-columns';

type Key = (typeof SUGGESTION_COLUMNS)[number]['key'];

/** A row that passed every check: what the SubmitSuggestion command needs. */
export interface SuggestionRow {
  row: number;
  title: string;
  content: string;
  leadDeputyId: string;
  coSignerIds: string[];
  hideDeputyName: boolean;
  delegationId?: string;
}

export interface DelegationLookup {
  /** The delegation's id by its name, or null when there is none of that name. */
  idOf(name: string): string | null;
}

const HEADER: Record<Key, string> = Object.fromEntries(SUGGESTION_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

/**
 * Checks one row with the limits of the submit route (a row the import takes is a submission the
 * API would take) and resolves its deputies and delegation. Every problem of the row is reported,
 * each with its column, so one round of corrections fixes the sheet.
 */
export function checkSuggestionRow(row: SheetRow<Key>, deputies: DeputyIndex, delegations: DelegationLookup | null): SuggestionRow | RowError[] {
  const errors: RowError[] = [];
  const fail = (key: Key, message: string): void => {
    errors.push({ row: row.row, column: HEADER[key], message });
  };
  const title = text(row.cells.title, '标题', TITLE_MAX, (m) => fail('title', m));
  const content = text(row.cells.content, '内容', CONTENT_MAX, (m) => fail('content', m));

  let leadDeputyId: string | undefined;
  let leadDelegationId: string | undefined;
  const leadNames = splitNames(row.cells.leadDeputy);
  if (leadNames.length === 0) fail('leadDeputy', '领衔代表不能为空');
  else if (leadNames.length > 1) fail('leadDeputy', '领衔代表只能有一位（其他代表请填在附议代表列）');
  else {
    const lead = deputies.resolve(leadNames[0]!);
    if (lead.ok) {
      leadDeputyId = lead.deputy.id;
      leadDelegationId = lead.deputy.delegationId;
    } else fail('leadDeputy', lead.message);
  }

  const coSignerIds: string[] = [];
  const coNames = splitNames(row.cells.coSigners);
  if (coNames.length > LIST_MAX) fail('coSigners', `附议代表最多 ${LIST_MAX} 位`);
  else {
    for (const name of coNames) {
      const co = deputies.resolve(name);
      if (!co.ok) fail('coSigners', co.message);
      else if (co.deputy.id === leadDeputyId) fail('coSigners', `「${name}」是领衔代表，不能同时作为附议代表`);
      else if (coSignerIds.includes(co.deputy.id)) fail('coSigners', `附议代表「${name}」重复`);
      else coSignerIds.push(co.deputy.id);
    }
  }

  let delegationId: string | undefined;
  const delegationName = row.cells.delegation;
  if (delegationName !== '') {
    const id = delegations?.idOf(delegationName) ?? null;
    if (id === null) fail('delegation', `找不到代表团「${delegationName}」`);
    else if (leadDeputyId !== undefined && leadDelegationId !== id) fail('delegation', `领衔代表不属于代表团「${delegationName}」`);
    else delegationId = id;
  }

  const hide = row.cells.hideName;
  if (hide !== '' && !['是', '否'].includes(hide)) fail('hideName', '公开时隐去姓名只能填 是 或 否（或留空）');

  if (errors.length > 0 || title === null || content === null || leadDeputyId === undefined) return errors;
  return {
    row: row.row,
    title,
    content,
    leadDeputyId,
    coSignerIds,
    hideDeputyName: hide === '是',
    ...(delegationId !== undefined ? { delegationId } : {}),
  };
}

/** The TextField rules of the submit DTO, in the same words. */
function text(value: string, label: string, max: number, fail: (message: string) => void): string | null {
  if (!VISIBLE_TEXT.test(value)) fail(`${label}不能为空`);
  else if (!PRINTABLE_TEXT.test(value)) fail(`${label}不能包含控制字符或无效的 Unicode 字符`);
  else if (value.length > max) fail(`${label}不能超过 ${max} 个字符`);
  else return value;
  return null;
}
