/** One signed-in session, as its token describes it. */
export interface Session {
  userId: string;
  /** The token's id (`jti`): signing out ends this token only. */
  jti: string;
  /** The user stream's revision when the token was issued (`rev`): later session-ending changes refuse it. */
  accountRevision: number;
  /** The token's `exp`, in ms. */
  expiresAtMs: number;
}
