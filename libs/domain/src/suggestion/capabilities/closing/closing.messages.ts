/** The commands closing accepts and the events it records (composed into the suggestion's unions). */

export type ClosingCommand =
  | { type: 'WithdrawSuggestion'; data: { reason: string } }
  | { type: 'CloseSuggestion'; data: Record<string, never> };

export type ClosingEvent =
  | { type: 'SuggestionWithdrawn'; data: { reason: string } }
  /** One signer of a joint suggestion asks to withdraw it, where every signer must (上海 第十条); the last one's request withdraws it. */
  | { type: 'WithdrawalRequested'; data: { deputyId: string; reason: string } }
  | { type: 'SuggestionClosed'; data: Record<string, never> };
