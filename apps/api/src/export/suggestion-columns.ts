import type { SuggestionListItem } from '@duban/read-models';
import { beijingTime, Column } from './spreadsheet';
import { STATUS_NAMES } from './status-labels';

/** Names to show instead of ids; an id without a name is shown as it is. */
export interface Names {
  units: ReadonlyMap<string, string>;
  people: ReadonlyMap<string, string>;
}

/**
 * The signed letters (答复函) of a suggestion's answers, as one cell: each file's name and the
 * start of its sha256 (the whole hash is in the record).
 */
export type LettersOf = (s: SuggestionListItem) => { name: string; sha256: string }[];

export function suggestionColumns(names: Names, lettersOf: LettersOf = () => []): Column<SuggestionListItem>[] {
  return [
    { header: '建议编号', width: 38, value: (s) => s.id },
    { header: '标题', width: 40, value: (s) => s.title },
    { header: '状态', width: 10, value: (s) => STATUS_NAMES[s.status] },
    { header: '领衔代表', width: 12, value: (s) => names.people.get(s.deputyId) ?? s.deputyId },
    { header: '承办单位', width: 30, value: (s) => s.unitIds.map((id) => names.units.get(id) ?? id).join('、') },
    { header: '当前期限（北京时间）', width: 20, value: (s) => beijingTime(s.dueAt) },
    { header: '是否超期', width: 10, value: (s) => (s.overdue ? '是' : '否') },
    { header: '重点督办', width: 10, value: (s) => (s.keySupervised ? '是' : '否') },
    { header: '提交时间（北京时间）', width: 20, value: (s) => beijingTime(s.submittedAt) },
    { header: '最后更新（北京时间）', width: 20, value: (s) => beijingTime(s.updatedAt) },
    { header: '答复函', width: 40, value: (s) => lettersOf(s).map((l) => `${l.name}（SHA-256 ${l.sha256.slice(0, 12)}…）`).join('；') },
  ];
}
