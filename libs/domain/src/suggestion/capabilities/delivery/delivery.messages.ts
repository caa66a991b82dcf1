/** The commands delivery accepts and the events it records (composed into the suggestion's unions). */

export type DeliveryCommand =
  /** The lead deputy has opened the answers (送达): sent by the web when they view them. Idempotent. */
  | { type: 'AcknowledgeAnswer'; data: Record<string, never> };

export type DeliveryEvent =
  /**
   * The lead deputy opened the answers of a completed round for the first time (送达). Where the
   * feedback window runs from receipt, each unit's window is counted from now (`feedbackDueAt`, when
   * that ends it earlier than the window counted from the deemed receipt).
   */
  | { type: 'AnswerDelivered'; data: { units: { unitId: string; round: number; feedbackDueAt?: string }[] } };
