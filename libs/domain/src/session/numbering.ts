/**
 * 第N号: each session's suggestions are numbered in the order they are registered (立案), from 1,
 * consecutive, never reused. Stream `numbering-<sessionId>` holds one claim per suggestion; a claim
 * is appended with the stream's expected revision, so two registrations can never take one number,
 * and a retried registration finds its own claim instead of taking another.
 */
export type NumberingEvent = { type: 'SuggestionNumberClaimed'; data: { suggestionId: string; number: number } };

export const NUMBERING_STREAM_PREFIX = 'numbering-';
export const numberingStreamId = (sessionId: string): string => `${NUMBERING_STREAM_PREFIX}${sessionId}`;

export interface NumberingState {
  /** Revision of the last claim folded in; -1 before the first. */
  revision: number;
  /** The highest number taken. */
  last: number;
  claims: Map<string, number>;
}

export const initialNumberingState = (): NumberingState => ({ revision: -1, last: 0, claims: new Map() });

/** Folds one claim in (mutates: the state is a cache that only ever grows). */
export function evolveNumbering(state: NumberingState, event: NumberingEvent, revision: number): NumberingState {
  if (event.type === 'SuggestionNumberClaimed') {
    state.claims.set(event.data.suggestionId, event.data.number);
    if (event.data.number > state.last) state.last = event.data.number;
  }
  state.revision = revision;
  return state;
}

/** The suggestion's number: its claim if it has one, else the next, with the claim to append. */
export function claimNumber(state: NumberingState, suggestionId: string): { number: number; claim: NumberingEvent | null } {
  const claimed = state.claims.get(suggestionId);
  if (claimed !== undefined) return { number: claimed, claim: null };
  const number = state.last + 1;
  return { number, claim: { type: 'SuggestionNumberClaimed', data: { suggestionId, number } } };
}
