import type { Period } from './rulebook';

/**
 * Where a rule's value comes from: a file in shared/docs/regulations and its article, or a default
 * chosen where no text was found (said so, never passed off as a regulation).
 */
export type ClockRuleSource = { file: string; article: string; quote?: string } | { default: true; note: string };

/**
 * What happens to an extension asked for after the answer due time has already passed:
 * - `refuse`: the request is refused (the text wants it made within the period);
 * - `keep_lateness`: it may still be granted, to set a new due time to follow up, but the answer
 *   counts as late: lateness already incurred stays.
 */
export type LateExtensionRule = 'refuse' | 'keep_lateness';

/**
 * When the deputy's feedback window starts: at the unit's `answer`, or at the deputy's `receipt`
 * of it (recorded when the deputy first opens it, AnswerDelivered; if they never do, it counts as
 * received `deemedReceivedWithin` after the answer, so the window always ends).
 */
export type FeedbackStart = 'answer' | 'receipt';

/** The deadline rules of issue "deadlines that stay right", each value with its source. */
export interface ClockRules {
  lateExtension: LateExtensionRule;
  lateExtensionSource: ClockRuleSource;
  feedbackFrom: FeedbackStart;
  feedbackFromSource: ClockRuleSource;
  /** With `feedbackFrom: 'receipt'`: an answer not opened by then counts as received at the end of this period. */
  deemedReceivedWithin: Period;
  deemedReceivedWithinSource: ClockRuleSource;
}

const BEIJING = '北京市人民代表大会代表建议、批评和意见办理条例(2014-01-22).md';
const SHANGHAI = '上海市人民代表大会关于代表建议、批评和意见的规定.md';
const HENAN_2017 = '河南省人民代表大会代表建议、批评和意见办理办法(2017-07-28).md';
const HENAN_STANDING = '河南省人民代表大会常务委员会关于办理省人大代表建议、批评和意见的办法.md';
const CHONGQING = '重庆市人民代表大会代表建议批评和意见工作条例(2017-11-30).md';

const KEEP_LATENESS_DEFAULT: Pick<ClockRules, 'lateExtension' | 'lateExtensionSource'> = {
  lateExtension: 'keep_lateness',
  lateExtensionSource: {
    default: true,
    note: '未找到关于逾期后申请延期的规定：默认允许批准延期以便继续督办，但已经发生的逾期不因延期而消除',
  },
};

const FROM_ANSWER_DEFAULT: Pick<ClockRules, 'feedbackFrom' | 'feedbackFromSource'> = {
  feedbackFrom: 'answer',
  feedbackFromSource: { default: true, note: '未找到规定代表反馈期限起算点的条文：默认自承办单位答复之时起算' },
};

const DEEMED_RECEIPT_DEFAULT: Pick<ClockRules, 'deemedReceivedWithin' | 'deemedReceivedWithinSource'> = {
  deemedReceivedWithin: { amount: 5, unit: 'wd' },
  deemedReceivedWithinSource: {
    default: true,
    note: '未找到送达期限的规定：代表未在系统中查阅答复的，默认答复后五个工作日视为收到',
  },
};

const FROM_RECEIPT = (file: string, article: string, quote: string): Pick<ClockRules, 'feedbackFrom' | 'feedbackFromSource'> => ({
  feedbackFrom: 'receipt',
  feedbackFromSource: { file, article, quote },
});

/** National defaults: 代表法 第五十一条 says nothing about either, so both are defaults. */
export const NATIONAL_CLOCK_RULES: ClockRules = {
  ...KEEP_LATENESS_DEFAULT,
  ...FROM_ANSWER_DEFAULT,
  ...DEEMED_RECEIPT_DEFAULT,
};

/**
 * Per preset, one block each. A preset not listed keeps the national defaults.
 * Keys are RulebookId values (kept as strings so this file needs nothing from presets.ts).
 */
export const PRESET_CLOCK_RULES: Readonly<Record<string, ClockRules>> = {
  // ── 北京 ──
  beijing: {
    ...KEEP_LATENESS_DEFAULT,
    ...FROM_RECEIPT(BEIJING, '第二十三条', '代表应当自收到答复意见后十五个工作日内……反馈书面意见'),
    ...DEEMED_RECEIPT_DEFAULT,
  },

  // ── 上海 ──
  shanghai: {
    lateExtension: 'refuse',
    lateExtensionSource: {
      file: SHANGHAI,
      article: '第十九条',
      quote: '确实不能在限期内办理完毕的，应当……书面报告……经同意，可以适当延长',
    },
    ...FROM_ANSWER_DEFAULT,
    ...DEEMED_RECEIPT_DEFAULT,
  },

  // ── 河南 ──
  henan: {
    lateExtension: 'refuse',
    lateExtensionSource: {
      file: HENAN_STANDING,
      article: '第八条',
      quote: '三个月内无法办完的，应在限期内向代表解释清楚，至迟在六个月内办理完毕并答复代表',
    },
    ...FROM_RECEIPT(HENAN_2017, '第二十二条', '代表收到建议、批评和意见办理情况的答复，应当在十个工作日内……反馈意见'),
    ...DEEMED_RECEIPT_DEFAULT,
  },

  // ── 重庆 ──
  chongqing: {
    ...KEEP_LATENESS_DEFAULT,
    ...FROM_RECEIPT(CHONGQING, '第二十七条', '代表应当自收到答复函之日起二十个工作日内……对承办单位的答复函进行评价'),
    ...DEEMED_RECEIPT_DEFAULT,
  },
};

/** The clock rules of a preset id (national defaults for a preset without a block of its own). */
export function clockRulesOf(id: string): ClockRules {
  return PRESET_CLOCK_RULES[id] ?? NATIONAL_CLOCK_RULES;
}
