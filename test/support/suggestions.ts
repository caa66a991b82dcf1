import { ApiResponse, HttpClient, RequestOptions } from './http-client';
import type { Person } from './organisation';

export interface Outcome {
  id: string;
  revision: number;
  position: string;
}

/** Talks to the suggestion endpoints the way a client does: command, then read after its position. */
export class Suggestions {
  /** Position of the last successful command, so reads see it. */
  lastPosition = '0';

  constructor(private readonly http: HttpClient) {}

  async submit(deputy: Person, body: { title: string; content: string; coSignerIds?: string[] }): Promise<Outcome> {
    const response = await this.http.post('/api/suggestions', body, { token: deputy.token });
    return this.expectOk(response, 201, 'submit');
  }

  /** Sends a command and returns the raw response (for refusals). */
  async send(person: Person, id: string, command: string, body: unknown = {}, options: RequestOptions = {}): Promise<ApiResponse> {
    const response = await this.http.post(`/api/suggestions/${id}/${command}`, body, { ...options, token: person.token });
    if (response.status === 200 || response.status === 201) this.lastPosition = response.body.position;
    return response;
  }

  /** Sends a command that must succeed. */
  async run(person: Person, id: string, command: string, body: unknown = {}): Promise<Outcome> {
    return this.expectOk(await this.send(person, id, command, body), 200, command);
  }

  async detail(person: Person, id: string): Promise<ApiResponse> {
    return this.http.get(`/api/suggestions/${id}?after=${this.lastPosition}`, { token: person.token });
  }

  async timeline(person: Person, id: string): Promise<ApiResponse<any[]>> {
    return this.http.get(`/api/suggestions/${id}/timeline?after=${this.lastPosition}`, { token: person.token });
  }

  async list(person: Person, query = ''): Promise<ApiResponse> {
    const separator = query === '' ? '' : '&';
    return this.http.get(`/api/suggestions?after=${this.lastPosition}${separator}${query}`, { token: person.token });
  }

  /** Detail that must be visible: the body. */
  async state(person: Person, id: string): Promise<any> {
    const response = await this.detail(person, id);
    if (response.status !== 200) throw new Error(`detail ${id}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** Event types of the timeline, in order. */
  async eventTypes(person: Person, id: string): Promise<string[]> {
    const response = await this.timeline(person, id);
    if (response.status !== 200) throw new Error(`timeline ${id}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.map((entry) => entry.type);
  }

  private expectOk(response: ApiResponse, status: number, what: string): Outcome {
    if (response.status !== status) {
      throw new Error(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
    }
    this.lastPosition = response.body.position;
    return response.body;
  }
}
