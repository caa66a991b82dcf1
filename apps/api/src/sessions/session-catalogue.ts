import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import {
  LEGACY_SESSION_ID,
  LEGACY_SESSION_NAME,
  defaultSessionId,
  sessionStreamId,
  toShanghaiDate,
  type OpenedSession,
} from '@duban/domain';
import { comparePositions, EVENT_STORE, EventStore } from '@duban/event-store';
import type { Projector, ReadModelQueries, SessionRow } from '@duban/read-models';
import { foldRecorded } from '../commands/stream-kind';
import { PROJECTOR, READ_MODEL_QUERIES } from '../infrastructure/tokens';
import { SESSION_STREAM } from './session-stream';

/** The built-in session of suggestions made before sessions existed (and while none is open). */
export const LEGACY_SESSION_ROW: SessionRow = { id: LEGACY_SESSION_ID, name: LEGACY_SESSION_NAME, kind: 'recess', startsOn: '2000-01-01', closed: false };

/** How long a submission without a session waits for the read model to include the latest sessions. */
const CATCH_UP_MS = 500;

/**
 * Sessions as commands need them. A named session is read from its own stream (strongly
 * consistent: a submission right after the session was opened finds it); the default session of
 * a day is chosen from the read model's list, after a short wait for the projector to reach the
 * store's head (a session opened a moment ago then counts). A projector that is stopped or slow
 * does not stop submissions: they go by the list as it is.
 */
@Injectable()
export class SessionCatalogue {
  /** The catch-up the submissions of this turn share; null once its head read has begun. */
  private sharedCatchUp: Promise<void> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(PROJECTOR) private readonly projector: Projector,
  ) {}

  /** The session from its stream, or null; the legacy session always exists. */
  async find(sessionId: string): Promise<OpenedSession | null> {
    if (sessionId === LEGACY_SESSION_ID) {
      return { sessionId, name: LEGACY_SESSION_NAME, kind: 'recess', startsOn: LEGACY_SESSION_ROW.startsOn, closed: false, openedAt: '2000-01-01T00:00:00.000Z' };
    }
    const state = foldRecorded(SESSION_STREAM, await this.store.readStream(sessionStreamId(sessionId)));
    return state.status === 'opened' ? state : null;
  }

  /** Every session, the latest first, the legacy one last. */
  list(): SessionRow[] {
    return [...this.queries.listSessions(), LEGACY_SESSION_ROW];
  }

  /**
   * The session a new suggestion goes into: the one named (400 on `field` when it does not exist or
   * has been closed), else the default session of today.
   */
  async forSubmission(sessionId: string | undefined, now: string, field = 'sessionId'): Promise<string> {
    if (sessionId === undefined) {
      await this.catchUp();
      const today = toShanghaiDate(now);
      return defaultSessionId(
        this.queries.listSessions().map((s) => ({ sessionId: s.id, kind: s.kind, startsOn: s.startsOn, endsOn: s.endsOn, closed: s.closed })),
        today,
      );
    }
    const session = await this.find(sessionId);
    if (!session) throw fieldError(field, `会次「${sessionId}」不存在`);
    if (session.closed) throw fieldError(field, `「${session.name}」已经结束，不能再提出建议`);
    return session.sessionId;
  }

  /**
   * One read of the store's head, and one wait for the projector, serve every submission that asks
   * within one turn of the event loop (under load, dozens): the read is taken after they all
   * arrived, so each still counts every session opened before it was sent.
   */
  private catchUp(): Promise<void> {
    this.sharedCatchUp ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.sharedCatchUp = null;
      return this.catchUpToHead();
    });
    return this.sharedCatchUp;
  }

  private async catchUpToHead(): Promise<void> {
    const head = await this.store.headPosition();
    const checkpoint = this.projector.checkpoint();
    if (head === null || (checkpoint !== null && comparePositions(head, checkpoint) <= 0)) return;
    await this.projector.waitFor(head, CATCH_UP_MS).catch(() => false);
  }
}

function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, code: 'validation_failed', message: '请求参数有误', errors: [{ field, message }] });
}
