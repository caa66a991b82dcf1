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
  /** e.g. 全国（代表法默认）, 上海市 */
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
  /** The unit contacts the deputy within this period from assignment. */
  contactWithin: Period;
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
