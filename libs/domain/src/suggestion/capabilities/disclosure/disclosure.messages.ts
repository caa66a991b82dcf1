import type { ExemptionReason } from '../../values';

/** The commands disclosure accepts and the events it records (composed into the suggestion's unions). */

export type DisclosureCommand =
  /** 公开 (staff): once at least one answer exists, unless exempt. */
  | { type: 'PublishAnswer'; data: Record<string, never> }
  /** 不予公开 (staff): also withdraws an earlier publication. */
  | { type: 'ExemptFromDisclosure'; data: { reason: ExemptionReason; note?: string } };

export type DisclosureEvent =
  /** 公开: the suggestion and its answers are readable by the public. */
  | { type: 'AnswerPublished'; data: Record<string, never> }
  /** 不予公开: wins over an earlier publication (withdraws it). */
  | { type: 'DisclosureExempted'; data: { reason: ExemptionReason; note?: string } };
