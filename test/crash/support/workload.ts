import { CrashClient, LedgerEntry } from './crash-client';
import { seededRandom } from '../../../libs/domain/src/testing/seeded-random';

export interface Actors {
  staff: string;
  supervisor: string;
  /** Per lifecycle worker: a deputy and the unit account that handles their suggestions. */
  lanes: { deputy: string; unit: string; unitId: string }[];
}


const suggestionStream = (id: string) => `suggestion-${id}`;

/**
 * Several people at once, as long as `running()` says so: each lane takes suggestions through
 * submit → accept → assign → answer → rate → close, with refused commands mixed in (a unit trying
 * to register a suggestion, a deputy trying to close one, staff closing too early); a supervisor
 * urges whatever suggestions exist, racing the lanes on the same streams.
 */
export class Workload {
  readonly suggestionIds: string[] = [];

  constructor(
    private readonly client: CrashClient,
    private readonly actors: Actors,
    private readonly random: () => number,
  ) {}

  run(running: () => boolean): Promise<void> {
    return Promise.all([...this.actors.lanes.map((lane) => this.lane(lane, running)), this.supervisor(running)]).then(() => undefined);
  }

  private async lane(lane: Actors['lanes'][number], running: () => boolean): Promise<void> {
    const { staff } = this.actors;
    while (running()) {
      const submitted = await this.client.send(
        'POST',
        '/api/suggestions',
        { title: `崩溃测试建议 ${this.suggestionIds.length + 1}`, content: '断电、强杀之后，已确认的事件一个也不能少。' },
        { token: lane.deputy, expectedEvent: 'SuggestionSubmitted' },
      );
      if (submitted.outcome !== 'acked') continue;
      const id: string = submitted.body.id;
      submitted.streamId = suggestionStream(id);
      this.suggestionIds.push(id);
      const stream = suggestionStream(id);
      const command = (token: string, name: string, body: unknown, expectedEvent: string | null) =>
        this.client.send('POST', `/api/suggestions/${id}/${name}`, body, { token, expectedEvent, streamId: stream });

      if (this.random() < 0.5) await command(lane.unit, 'accept', {}, null); // a unit may not register: 403
      if (!(await this.step(() => command(staff, 'accept', {}, 'SuggestionAccepted')))) continue;
      if (!running()) break;
      if (!(await this.step(() => command(staff, 'assign', { mode: 'sole', unitIds: [lane.unitId] }, 'SuggestionAssigned')))) continue;
      if (this.random() < 0.5) await command(staff, 'close', {}, null); // not answered yet: 409
      if (!running()) break;
      const answer = { category: 'A', content: '已按建议完成整改。', signedBy: '局长' };
      if (!(await this.step(() => command(lane.unit, 'answer', answer, 'SuggestionAnswered')))) continue;
      if (this.random() < 0.5) await command(lane.deputy, 'close', {}, null); // only staff close: 403
      if (!running()) break;
      const rating = { attitude: 'satisfied', result: 'basically_satisfied' };
      if (!(await this.step(() => command(lane.deputy, 'rate', rating, 'SuggestionRated')))) continue;
      await this.step(() => command(staff, 'close', {}, 'SuggestionClosed'));
    }
  }

  /** A step that lost too many races (409 concurrent_modification) is tried again as a new command. */
  private async step(send: () => Promise<LedgerEntry>): Promise<boolean> {
    for (let i = 0; i < 5; i++) {
      const entry = await send();
      if (entry.outcome === 'acked') return true;
      if (entry.body?.code !== 'concurrent_modification') return false;
    }
    return false;
  }

  private async supervisor(running: () => boolean): Promise<void> {
    while (running()) {
      const id = this.suggestionIds[Math.floor(this.random() * this.suggestionIds.length)];
      if (id === undefined) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      // Allowed while the suggestion is being handled, refused (409) once closed or before registration.
      await this.client.send('POST', `/api/suggestions/${id}/urge`, { note: '请抓紧办理' }, {
        token: this.actors.supervisor,
        expectedEvent: 'SuggestionUrged',
        streamId: suggestionStream(id),
      });
    }
  }
}
