import { createOrganisation, Organisation } from '../support/organisation';
import { Suggestions } from '../support/suggestions';
import { startTestApp, TestApp } from '../support/test-app';
import { setClock } from './support/test-clock';

const ROUNDS = 20;

/**
 * 并案 under concurrency: creations racing over shared suggestions. A suggestion belongs to at most
 * one group, a creation is all-or-nothing (the loser gets 409 and leaves no member grouped), and a
 * group that lost does not exist for any route.
 */
describe('grouping: concurrent creations over the same suggestions', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    await setClock(t.http, org.admin, '2026-03-02T02:00:00Z');
  });
  afterAll(() => t.dispose());

  const openSuggestions = async (count: number, round: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = (await s.submit(org.deputy1, { title: `关于校园周边交通的建议（第 ${round} 轮第 ${i + 1} 件）`, content: '接送车辆拥堵。' })).id;
      await s.run(org.staff, id, 'accept');
      ids.push(id);
    }
    return ids;
  };

  const create = (suggestionIds: string[], primarySuggestionId: string) =>
    t.http.post('/api/groups', { suggestionIds, primarySuggestionId }, { token: org.staff.token });

  /** The group a suggestion is in now, from its stream (the timeline is read from the store). */
  const groupOf = async (id: string): Promise<string | undefined> => {
    let groupId: string | undefined;
    for (const entry of (await s.timeline(org.staff, id)).body as { type: string; data: { groupId?: string } }[]) {
      if (entry.type === 'SuggestionGrouped') groupId = entry.data.groupId;
      if (entry.type === 'SuggestionUngrouped' && entry.data.groupId === groupId) groupId = undefined;
    }
    return groupId;
  };

  it(`${ROUNDS} rounds of three creations, any two sharing a suggestion: one wins, the others get 409 and leave nothing`, async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const [x, y, z] = (await openSuggestions(3, round)) as [string, string, string];
      const attempts = [
        { members: [x, y], primary: x },
        { members: [y, z], primary: y },
        { members: [z, x], primary: z },
      ];
      const responses = await Promise.all(attempts.map((a) => create(a.members, a.primary)));
      const statuses = responses.map((r) => r.status);
      const context = `round ${round}: ${JSON.stringify(responses.map((r) => [r.status, r.body.code ?? r.body.groupId]))}`;

      // Any two attempts share a suggestion, so at most one can win; taking members in one order means one always does.
      expect({ context, winners: statuses.filter((st) => st === 201).length }).toEqual({ context, winners: 1 });
      expect({ context, losers: statuses.filter((st) => st === 409) }).toEqual({ context, losers: [409, 409] });

      const winner = attempts[statuses.indexOf(201)]!;
      const winnerGroup = `g-${winner.primary}`;
      expect(responses[statuses.indexOf(201)]!.body.groupId).toBe(winnerGroup);
      // Every suggestion is in the winner's group or in none: no loser left a member behind.
      for (const id of [x, y, z]) {
        expect({ context, id, group: await groupOf(id) }).toEqual({ context, id, group: winner.members.includes(id) ? winnerGroup : undefined });
      }
      // A group that lost does not exist: it cannot be read or assigned (which once assigned the winner's member).
      for (const loser of attempts.filter((a) => a !== winner)) {
        const assign = await t.http.post(`/api/groups/g-${loser.primary}/assign`, { mode: 'sole', unitIds: ['traffic'] }, { token: org.staff.token });
        expect({ context, loser: loser.primary, status: assign.status }).toEqual({ context, loser: loser.primary, status: 404 });
        expect((await t.http.get(`/api/groups/g-${loser.primary}`, { token: org.staff.token })).status).toBe(404);
      }
    }
  });

  it('two creations under the same primary: one group, and assigning it touches only its own members', async () => {
    for (let round = 1; round <= 5; round++) {
      const [p, q, r] = (await openSuggestions(3, 100 + round)) as [string, string, string];
      const responses = await Promise.all([create([p, q], p), create([p, r], p)]);
      const statuses = responses.map((res) => res.status).sort();
      expect({ round, statuses }).toEqual({ round, statuses: [201, 409] });
      const won = responses.find((res) => res.status === 201)!;
      const members = won.body.results.map((m: { suggestionId: string }) => m.suggestionId) as string[];
      const outsider = members.includes(q) ? r : q;
      expect(await groupOf(outsider)).toBeUndefined();

      const assigned = await t.http.post(`/api/groups/g-${p}/assign`, { mode: 'sole', unitIds: ['traffic'] }, { token: org.staff.token });
      expect(assigned.status).toBe(200);
      expect(assigned.body.results.map((m: { suggestionId: string }) => m.suggestionId)).toEqual(members);
      s.lastPosition = assigned.body.position;
      expect((await s.state(org.staff, outsider)).status).toBe('accepted');
    }
  });
});
