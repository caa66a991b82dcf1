/** The client's If-Match names a revision the suggestion has moved past: nothing was appended. */
export class RevisionMismatchError extends Error {
  constructor(
    readonly expectedRevision: number,
    /** -1 when the suggestion does not exist. */
    readonly currentRevision: number,
  ) {
    super(`该建议已被他人更新（当前版本 ${currentRevision}，请求基于版本 ${expectedRevision}），请刷新后重试`);
    this.name = 'RevisionMismatchError';
  }
}
