import type { ClockRuleSource, FeedbackStart, LateExtensionRule } from './clock-rules';

/**
 * A period from the rulebook: working days on the official calendar (`wd`), calendar days (`d`)
 * or calendar months (`m`). All counted in Asia/Shanghai; a period ends at 24:00 of its last day.
 */
export interface Period {
  amount: number;
  unit: 'wd' | 'd' | 'm';
}

export interface AnswerCategory {
  /** Stable code stored in events, e.g. `A`. */
  code: string;
  /** Simplified Chinese label, e.g. 已经解决或者基本解决. */
  label: string;
  /** B and C answers promise something: at least one commitment with a due date is required. */
  requiresCommitments: boolean;
}

/** The handling rules of one jurisdiction. Data, not code: presets live in `presets.ts`. */
export interface Rulebook {
  id: string;
  /** e.g. 全国默认（答复期限依代表法，其余为默认值）, 上海市 */
  name: string;
  /** Staff target: assign within this period from submission (交办). */
  assignWithin: Period;
  /** Answer within this period from assignment. */
  answerWithin: Period;
  /** An extension never goes past this period from assignment. */
  extendedAnswerMax: Period;
  /** A unit may ask to return the suggestion within this period from assignment (退回). */
  returnWithin: Period;
  /** Co-handlers send their opinion to the lead within this period from assignment. */
  coOpinionWithin: Period;
  /** The unit contacts the deputy within this period from assignment; null where no text sets a deadline. */
  contactWithin: Period | null;
  /** The deputy rates within this period from the answer. */
  feedbackWithin: Period;
  /** Re-handling answer within this period from the dissatisfied rating. */
  rehandlingWithin: Period;
  /** Reminders are recorded this long before a due time. */
  remindBefore: Period;
  answerCategories: AnswerCategory[];
  /** Statutory or regulatory sources of the values, for display. */
  sources: string[];
  /** Every answer must carry the unit's signed letter (答复函) as an attachment. */
  answerRequiresLetter: boolean;

  // ---- Per-jurisdiction handling rules, each value with its citation (see citation.ts) ----
  /** Where every value above and below comes from: an article of a text in shared/docs/regulations, or a default. */
  citations: RulebookCitations;
  /**
   * No regulation text behind this preset's own values (湖南: the text was not found; 四川: only the
   * provincial government's 办法). Its values are national defaults or unverified, and the API says so.
   */
  unsourced: boolean;
  /** Who starts re-handling (重新办理) after an answer, and how many rounds there may be. */
  rehandling: RehandlingRule;
  /** Contact with the deputy before the answer: `block` refuses an answer without it, `warn` records that it was missing. */
  contactBeforeAnswer: 'block' | 'warn';
  /** A lead unit answering before every co-handler's opinion (and before their deadline): refused (`block`) or recorded (`warn`). */
  coOpinionsBeforeLeadAnswer: 'block' | 'warn';
  /** Extensions: `staff` approve them; `notice_only` takes effect on request. `tellDeputy`: the deputy is told when granted. */
  extension: { approval: 'staff' | 'notice_only'; tellDeputy: boolean };
  /** Withdrawal (撤回): only before assignment (北京), and whether every co-signer must agree (上海). */
  withdrawal: { onlyBeforeAssignment: boolean; coSignersMustAgree: boolean };
  /** The deputy also rates how the answer's commitments were fulfilled (重庆 第二十八条). */
  commitmentFulfilmentRating: boolean;

  // ── Deadlines that stay right (late extensions, feedback from receipt): see clock-rules.ts ──
  /** An extension asked for after the answer due time passed: refused, or granted without erasing the lateness. */
  lateExtension: LateExtensionRule;
  lateExtensionSource: ClockRuleSource;
  /** The deputy's feedback window runs from the answer or from the deputy's receipt of it. */
  feedbackFrom: FeedbackStart;
  feedbackFromSource: ClockRuleSource;
  /** With `feedbackFrom: 'receipt'`: an answer not opened by then counts as received at the end of this period. */
  deemedReceivedWithin: Period;
  deemedReceivedWithinSource: ClockRuleSource;
}

/**
 * Re-handling: `automatic` on a dissatisfied rating; `staff_decides` after one (the representative
 * work office studies the deputy's view); `committee_finding` whenever the standing committee finds
 * the handling perfunctory (北京 第二十七条), rating or not. `maxRounds`: how many re-handlings at most
 * (null: no limit); a dissatisfaction after the last goes to evaluation or 面商 (escalated), not another round.
 */
export interface RehandlingRule {
  trigger: 'automatic' | 'staff_decides' | 'committee_finding';
  maxRounds: number | null;
}

/** An article of a text in shared/docs/regulations (file name as stored there), or a default with the reason. */
export type Citation = { file: string; article: string; note?: string } | { default: true; note: string };

/** Every value of a rulebook that carries a citation. */
export const CITED_RULEBOOK_KEYS = [
  'assignWithin',
  'answerWithin',
  'extendedAnswerMax',
  'returnWithin',
  'coOpinionWithin',
  'contactWithin',
  'feedbackWithin',
  'rehandlingWithin',
  'remindBefore',
  'answerCategories',
  'rehandling',
  'contactBeforeAnswer',
  'coOpinionsBeforeLeadAnswer',
  'extension',
  'withdrawal',
  'commitmentFulfilmentRating',
  'answerRequiresLetter',
] as const;
export type CitedRulebookKey = (typeof CITED_RULEBOOK_KEYS)[number];
/** One citation per value; a value drawn from several articles lists each. */
export type RulebookCitations = Record<CitedRulebookKey, Citation[]>;
