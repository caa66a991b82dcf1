import { assertNever } from '../shared/errors';
import { regulationTitle } from './regulation-files';
import { AnswerCategory, Citation, CitedRulebookKey, Period, Rulebook } from './rulebook';

/** One value of the rulebook as people read it: its name, the value in words, and where it comes from. */
export interface RulebookValueView {
  key: CitedRulebookKey;
  /** 中文名称, e.g. 申请退回期限（自交办起） */
  name: string;
  /** The value in words, e.g. 10 日 */
  label: string;
  /** Each citation: an article of a text in shared/docs/regulations, or a default with its reason. */
  citations: CitationView[];
}

/** A citation with a readable title beside the file name (the file stays exact, for opening it). */
export type CitationView = Citation & { title: string };

export interface PeriodValueView extends RulebookValueView {
  /** null: no period set (e.g. no contact deadline outside 重庆). */
  amount: number | null;
  unit: Period['unit'] | null;
}

export interface RulebookView {
  id: string;
  name: string;
  /** True where no regulation text backs the preset's own values (湖南, 四川). */
  unsourced: boolean;
  periods: PeriodValueView[];
  rules: RulebookValueView[];
  /** The scheme in force, for the answer form; its citation is the `answerCategories` rule. */
  answerCategories: AnswerCategory[];
  sources: string[];
}

const PERIOD_NAMES = {
  assignWithin: '交办期限（闭会期间，自提交起）',
  answerWithin: '答复期限（自交办起）',
  extendedAnswerMax: '延期答复最长期限（自交办起）',
  returnWithin: '申请退回期限（自交办起）',
  coOpinionWithin: '协办意见期限（自交办起）',
  contactWithin: '联系代表期限（自交办起）',
  feedbackWithin: '代表反馈期限（自答复起）',
  rehandlingWithin: '重新办理答复期限（自决定重新办理起）',
  remindBefore: '到期前提醒',
} as const satisfies Partial<Record<CitedRulebookKey, string>>;

type PeriodKey = keyof typeof PERIOD_NAMES;
export const RULEBOOK_PERIOD_KEYS = Object.keys(PERIOD_NAMES) as PeriodKey[];

export function describePeriod(period: Period | null): string {
  if (period === null) return '未规定期限';
  switch (period.unit) {
    case 'wd':
      return `${period.amount} 个工作日`;
    case 'd':
      return `${period.amount} 日`;
    case 'm':
      return `${period.amount} 个月`;
    default:
      return assertNever(period.unit, 'period unit');
  }
}

const REHANDLING_TRIGGERS = {
  automatic: '代表不满意即重新办理',
  staff_decides: '代表不满意后，由代表工作机构研究决定是否重新办理',
  committee_finding: '常委会认为办理敷衍塞责的，要求重新办理（不由评价自动触发）',
} as const;

function describeRules(r: Rulebook): Record<Exclude<CitedRulebookKey, PeriodKey>, { name: string; label: string }> {
  const rounds = r.rehandling.maxRounds;
  return {
    answerCategories: {
      name: '答复类别',
      label: r.answerCategories.map((c) => `${c.code}：${c.label}${c.requiresCommitments ? '（须列承诺事项）' : ''}`).join('；'),
    },
    rehandling: {
      name: '重新办理',
      label: `${REHANDLING_TRIGGERS[r.rehandling.trigger]}；${rounds === null ? '轮次不限，再次不满意提级督办' : `最多重新办理 ${rounds} 次，之后仍不满意的转评估或面商`}`,
    },
    contactBeforeAnswer: {
      name: '答复前联系代表',
      label: r.contactBeforeAnswer === 'block' ? '必须先联系代表才能答复' : '提示不拦截：未联系代表也可答复，系统记录未联系',
    },
    coOpinionsBeforeLeadAnswer: {
      name: '主办单位答复前的协办意见',
      label:
        r.coOpinionsBeforeLeadAnswer === 'block'
          ? '协办意见到齐（或协办期限届满）前，主办单位不能答复'
          : '协办意见未到齐也可答复，系统记录缺少的协办意见',
    },
    extension: {
      name: '延期答复',
      label: `${r.extension.approval === 'staff' ? '须经代表工作机构同意' : '无需审批，申请即生效'}；${r.extension.tellDeputy ? '告知代表' : '不另行告知代表'}`,
    },
    withdrawal: {
      name: '撤回建议',
      label: [
        r.withdrawal.onlyBeforeAssignment ? '只能在交办前撤回' : '承办单位答复前可以撤回',
        r.withdrawal.coSignersMustAgree ? '联名建议须全体联名代表一致同意' : '由领衔代表提出',
      ].join('；'),
    },
    commitmentFulfilmentRating: {
      name: '承诺事项落实评价',
      label: r.commitmentFulfilmentRating ? '代表对承诺事项落实情况另行评价' : '不单独评价',
    },
    answerRequiresLetter: {
      name: '答复函附件',
      label: r.answerRequiresLetter ? '每次答复须附答复函文件' : '答复可不附答复函文件',
    },
  };
}

function citationViews(citations: Citation[]): CitationView[] {
  return citations.map((c) => ('file' in c ? { ...c, title: regulationTitle(c.file) } : { ...c, title: '默认值' }));
}

/** `GET /api/rulebook`: every value of the rulebook in force, each with its citations. */
export function toRulebookView(r: Rulebook): RulebookView {
  const rules = describeRules(r);
  return {
    id: r.id,
    name: r.name,
    unsourced: r.unsourced,
    periods: RULEBOOK_PERIOD_KEYS.map((key) => ({
      key,
      name: PERIOD_NAMES[key],
      amount: r[key]?.amount ?? null,
      unit: r[key]?.unit ?? null,
      label: describePeriod(r[key]),
      citations: citationViews(r.citations[key]),
    })),
    rules: (Object.keys(rules) as (keyof typeof rules)[]).map((key) => ({
      key,
      ...rules[key],
      citations: citationViews(r.citations[key]),
    })),
    answerCategories: r.answerCategories,
    sources: r.sources,
  };
}
