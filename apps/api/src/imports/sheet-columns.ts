/**
 * A column of an import sheet: found by its header text in row 1 (in any order, so a sheet
 * exported from the congress's own system and re-ordered still reads), and explained on the
 * template's instructions sheet.
 */
export interface SheetColumn<Key extends string> {
  key: Key;
  header: string;
  required: boolean;
  width: number;
  /** One line for the instructions sheet: what to write and how. */
  note: string;
}

/** 代表建议导入模板的列. */
export const SUGGESTION_COLUMNS: readonly SheetColumn<'title' | 'content' | 'leadDeputy' | 'coSigners' | 'delegation' | 'hideName'>[] = [
  { key: 'title', header: '标题', required: true, width: 40, note: '必填，不超过 200 个字符' },
  { key: 'content', header: '内容', required: true, width: 80, note: '必填，不超过 20000 个字符；单元格内可换行' },
  { key: 'leadDeputy', header: '领衔代表', required: true, width: 16, note: '必填，一位代表：填登录名或姓名（姓名重复时须填登录名）' },
  { key: 'coSigners', header: '附议代表', required: false, width: 30, note: '可空，多位代表用 、 或 ， 分隔，最多 50 位；不能包括领衔代表' },
  { key: 'delegation', header: '代表团', required: false, width: 16, note: '可空；填写时表示以代表团名义提出，须为领衔代表所在的代表团' },
  { key: 'hideName', header: '公开时隐去姓名', required: false, width: 14, note: '可空；填 是 则公开时不显示代表姓名，空或 否 则显示' },
];

/** 交办方案导入模板的列: which numbered suggestion of the session goes to which units, how. */
export const ASSIGNMENT_COLUMNS: readonly SheetColumn<'number' | 'units' | 'mode' | 'leadUnit'>[] = [
  { key: 'number', header: '编号', required: true, width: 12, note: '必填，本会次的建议编号（立案号），如 123 或 第0123号' },
  { key: 'units', header: '承办单位', required: true, width: 40, note: '必填，单位名称或单位代码，多个单位用 、 或 ， 分隔（主办+协办方式下包括主办单位）' },
  { key: 'mode', header: '办理方式', required: true, width: 14, note: '必填：单独办理、主办协办（或 主办+协办）、分别办理' },
  { key: 'leadUnit', header: '主办单位', required: false, width: 20, note: '主办协办方式必填：承办单位中的主办单位；其他方式留空' },
];

/** Several names in one cell: 、 ， , ; ； and line breaks all separate them. */
export function splitNames(text: string): string[] {
  return text
    .split(/[、，,;；\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}
