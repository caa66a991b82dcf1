import type { EventStore, Position } from '@duban/event-store';
import type { Projector, ReadModelQueries, SessionRow } from '@duban/read-models';
import { SessionCatalogue } from './session-catalogue';

const at = (n: number): Position => ({ commit: BigInt(n), prepare: BigInt(n) });
const NOW = '2026-03-05T02:00:00.000Z';
const CONGRESS: SessionRow = { id: 'congress-2026', name: '第一次会议', kind: 'congress', startsOn: '2026-03-01', endsOn: '2026-03-10', closed: false };

/** A store whose head the test moves, and a projector that reaches a position when told to. */
function setUp() {
  let head = 10;
  let checkpoint = 10;
  let sessions: SessionRow[] = [];
  const waiting: { position: Position; resolve: (reached: boolean) => void }[] = [];
  const store = { headPosition: jest.fn(async () => at(head)) };
  const projector = {
    checkpoint: () => at(checkpoint),
    waitFor: jest.fn((position: Position) => new Promise<boolean>((resolve) => waiting.push({ position, resolve }))),
  };
  const queries = { listSessions: () => sessions };
  const catalogue = new SessionCatalogue(store as unknown as EventStore, queries as unknown as ReadModelQueries, projector as unknown as Projector);
  return {
    catalogue,
    store,
    projector,
    write: () => (head += 1),
    /** The projector applies everything up to the head, sessions included. */
    project: (rows: SessionRow[]) => {
      sessions = rows;
      checkpoint = head;
      for (const w of waiting.splice(0)) w.resolve(true);
    },
  };
}

describe('SessionCatalogue.forSubmission without a session', () => {
  it('reads the head once for all the submissions that ask in one turn, and they share one wait', async () => {
    const t = setUp();
    t.write();
    const answers = Promise.all(Array.from({ length: 20 }, () => t.catalogue.forSubmission(undefined, NOW)));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.store.headPosition).toHaveBeenCalledTimes(1);
    expect(t.projector.waitFor).toHaveBeenCalledTimes(1);
    t.project([CONGRESS]);
    expect(new Set(await answers)).toEqual(new Set(['congress-2026']));
  });

  it('counts a session opened after an earlier read of the head: a later submission reads the head again', async () => {
    const t = setUp();
    expect(await t.catalogue.forSubmission(undefined, NOW)).toBe('legacy');
    t.write(); // the session is opened; the read model has not got it yet
    const answer = t.catalogue.forSubmission(undefined, NOW);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.store.headPosition).toHaveBeenCalledTimes(2);
    t.project([CONGRESS]);
    expect(await answer).toBe('congress-2026');
  });
});
