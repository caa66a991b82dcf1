import type { HttpClient } from '../../support/http-client';
import type { Person } from '../../support/organisation';

/**
 * Moves the test clock. The api answers once the scheduler has recorded what the new time makes
 * due and the read model shows it, so the next query sees the reminders and misses.
 */
export async function setClock(http: HttpClient, admin: Person, now: string): Promise<void> {
  const response = await http.post('/api/test-clock', { now }, { token: admin.token });
  if (response.status !== 200) throw new Error(`test clock ${now}: ${response.status} ${JSON.stringify(response.body)}`);
}
