import type { SuggestionCommandType } from './commands';

/**
 * What a caller may do to one suggestion, named as the HTTP routes name them (camelCase of the
 * path segment after `/api/suggestions/:id/`). The detail view's `allowedActions` lists these, the
 * web app shows its buttons from them and the labels module gives each its Chinese name, so a new
 * per-suggestion route fails to compile in every one of those places until it is named here.
 */
export type SuggestionAction =
  | 'accept'
  | 'reject'
  | 'assign'
  | 'requestReturn'
  | 'decideReturn'
  | 'transfer'
  | 'contact'
  | 'coOpinion'
  | 'requestExtension'
  | 'decideExtension'
  | 'supervise'
  | 'urge'
  | 'answer'
  | 'rate'
  | 'fulfilCommitment'
  | 'rehandle'
  | 'rateCommitments'
  | 'withdraw'
  | 'close'
  | 'publish'
  | 'exempt'
  | 'attachments'
  | 'acknowledgeAnswer';

/** Each action's route path under `/api/suggestions/:id/` and the decider command it sends. */
export const SUGGESTION_ACTION_ROUTES = {
  accept: { path: 'accept', command: 'AcceptSuggestion' },
  reject: { path: 'reject', command: 'RejectSuggestion' },
  assign: { path: 'assign', command: 'AssignSuggestion' },
  requestReturn: { path: 'request-return', command: 'RequestReturn' },
  decideReturn: { path: 'decide-return', command: 'DecideReturn' },
  transfer: { path: 'transfer', command: 'TransferSuggestion' },
  contact: { path: 'contact', command: 'ContactDeputy' },
  coOpinion: { path: 'co-opinion', command: 'SubmitCoHandlerOpinion' },
  requestExtension: { path: 'request-extension', command: 'RequestExtension' },
  decideExtension: { path: 'decide-extension', command: 'DecideExtension' },
  supervise: { path: 'supervise', command: 'StartKeySupervision' },
  urge: { path: 'urge', command: 'UrgeSuggestion' },
  answer: { path: 'answer', command: 'AnswerSuggestion' },
  rate: { path: 'rate', command: 'RateSuggestion' },
  fulfilCommitment: { path: 'fulfil-commitment', command: 'FulfilCommitment' },
  rehandle: { path: 'rehandle', command: 'StartRehandling' },
  rateCommitments: { path: 'rate-commitments', command: 'RateCommitmentFulfilment' },
  withdraw: { path: 'withdraw', command: 'WithdrawSuggestion' },
  close: { path: 'close', command: 'CloseSuggestion' },
  publish: { path: 'publish', command: 'PublishAnswer' },
  exempt: { path: 'exempt', command: 'ExemptFromDisclosure' },
  attachments: { path: 'attachments', command: 'AddAttachment' },
  acknowledgeAnswer: { path: 'acknowledge-answer', command: 'AcknowledgeAnswer' },
} as const satisfies Record<SuggestionAction, { path: string; command: SuggestionCommandType }>;

/** Every action once, in the order a page shows them (the lifecycle's order). */
export const SUGGESTION_ACTIONS: readonly SuggestionAction[] = Object.keys(SUGGESTION_ACTION_ROUTES) as SuggestionAction[];

/** The route path of an action: `requestReturn` → `request-return`. */
export function suggestionActionPath(action: SuggestionAction): string {
  return SUGGESTION_ACTION_ROUTES[action].path;
}

export function isSuggestionAction(value: string): value is SuggestionAction {
  return Object.prototype.hasOwnProperty.call(SUGGESTION_ACTION_ROUTES, value);
}
