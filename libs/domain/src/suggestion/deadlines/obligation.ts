import { assertNever } from '../../shared/errors';

export const OBLIGATION_KINDS = [
  'assign',
  'return_window',
  'co_opinion',
  'contact',
  'answer',
  'rehandling',
  'feedback',
  'commitment',
] as const;

/**
 * What is owed, and by when:
 * - `assign` — staff assign an accepted suggestion (交办);
 * - `return_window` — the period in which a unit may still ask to return it (退回); letting it pass is no fault;
 * - `co_opinion` — a co-handler sends the lead unit its opinion (协办意见);
 * - `contact` — an answering unit contacts the deputy before answering (联系代表);
 * - `answer` — an answering unit answers, by the assignment's due time or a granted extension's;
 * - `rehandling` — the re-handling answer after a dissatisfied rating (重新办理);
 * - `feedback` — the lead deputy rates an answer within the feedback window (满意度测评);
 * - `commitment` — a unit fulfils a commitment of a B or C answer (承诺事项落实).
 */
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

/** Whom an obligation concerns, for notifications. */
export type ObligationParty = 'unit' | 'staff' | 'deputy';

/** Simplified Chinese names of the kinds, for notifications and the timeline. */
export const OBLIGATION_KIND_LABELS: Readonly<Record<ObligationKind, string>> = {
  assign: '交办',
  return_window: '申请退回',
  co_opinion: '提交协办意见',
  contact: '联系代表',
  answer: '答复',
  rehandling: '重新办理答复',
  feedback: '代表评价',
  commitment: '落实承诺事项',
};

/**
 * One open obligation of a suggestion.
 *
 * `key` names it stably, so reminders and misses are recorded once per obligation:
 * - `assign` (after an approved return: `assign@2`, `assign@3`, … for the n-th assignment);
 * - `return:<unitId>`, `co_opinion:<unitId>`, `contact:<unitId>`;
 * - `answer:<unitId>:1`, after a granted extension `answer:<unitId>:1:ext-<YYYY-MM-DD>` (the new last day,
 *   so every extension is a new obligation with its own reminder);
 * - `rehandling:<unitId>:<round>` (round ≥ 2), `feedback:<unitId>:<round>`;
 * - `commitment:<commitmentId>` (e.g. `commitment:C2`).
 * Keys of the 2nd or later assignment (after an approved return) end in `@<n>`, e.g. `answer:u-jiaotong:1@2`.
 */
export interface Obligation {
  key: string;
  kind: ObligationKind;
  concerns: ObligationParty;
  unitId?: string;
  commitmentId?: string;
  /** The answer round, for `answer`, `rehandling` and `feedback`. */
  round?: number;
  /** ISO instant (UTC); usually 24:00 Asia/Shanghai of the last day. */
  dueAt: string;
}

/**
 * An obligation as the suggestion remembers it: when it was set, how it ended, what was recorded.
 * The state keeps these compactly (`deadlineLog`, see deadline-log.ts); obligationLog() reads them back.
 */
export interface DeadlineRecord extends Obligation {
  openedAt: string;
  /** Done: the event that fulfils it happened at this instant (on time or late). */
  fulfilledAt?: string;
  /** Ended without being fulfilled: superseded by an extension, withdrawn, returned, no longer possible, window passed. */
  endedAt?: string;
  /** When DeadlineReminderRecorded was recorded for the current due time. */
  remindedAt?: string;
  /** When DeadlineMissed was recorded for the current due time. */
  missedAt?: string;
}

export function concernsOf(kind: ObligationKind): ObligationParty {
  switch (kind) {
    case 'assign':
      return 'staff';
    case 'feedback':
      return 'deputy';
    case 'return_window':
    case 'co_opinion':
    case 'contact':
    case 'answer':
    case 'rehandling':
    case 'commitment':
      return 'unit';
    default:
      return assertNever(kind, 'obligation kind');
  }
}

export function isDeadlineOpen(record: DeadlineRecord): boolean {
  return record.fulfilledAt === undefined && record.endedAt === undefined;
}
