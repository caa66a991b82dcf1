import { randomUUID } from 'node:crypto';

/** One logical command as the test sent it, and what finally became of it. */
export interface LedgerEntry {
  correlationId: string;
  key: string;
  method: string;
  path: string;
  /** Event type the command must have appended exactly once when acknowledged (null: not checked by type). */
  expectedEvent: string | null;
  /** Stream the events must be in when acknowledged. */
  streamId: string | null;
  outcome: 'pending' | 'acked' | 'refused';
  status?: number;
  body?: any;
  /** Tries that got no answer (connection dropped by a kill, or a 5xx). */
  inDoubt: number;
  /** Acknowledged by an Idempotency-Key replay of an earlier, unanswered try. */
  replayed: boolean;
}

export interface SendOptions {
  token?: string;
  expectedEvent: string | null;
  /** Given when known before the answer; for submissions it comes from the answer. */
  streamId?: string | null;
}

/**
 * Sends commands to a server that may be killed at any moment. A try that gets no answer is
 * repeated, with the same Idempotency-Key and X-Correlation-Id, once the server is back, until
 * the command has a definite answer: so every command ends acknowledged or refused, and the
 * ledger knows which.
 */
export class CrashClient {
  readonly ledger: LedgerEntry[] = [];
  private upGate: Promise<void> = Promise.resolve();
  private openGate: () => void = () => undefined;

  constructor(private readonly baseUrl: () => string) {}

  /** The server is going down: tries that fail from now on wait for serverUp(). */
  serverDown(): void {
    this.upGate = new Promise((resolve) => (this.openGate = resolve));
  }

  serverUp(): void {
    this.openGate();
  }

  async send(method: string, path: string, body: unknown, options: SendOptions): Promise<LedgerEntry> {
    const entry: LedgerEntry = {
      correlationId: `crash-${randomUUID()}`,
      key: randomUUID(),
      method,
      path,
      expectedEvent: options.expectedEvent,
      streamId: options.streamId ?? null,
      outcome: 'pending',
      inDoubt: 0,
      replayed: false,
    };
    this.ledger.push(entry);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'idempotency-key': entry.key,
      'x-correlation-id': entry.correlationId,
    };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    for (;;) {
      const gate = this.upGate;
      try {
        const response = await fetch(`${this.baseUrl()}${path}`, {
          method,
          headers,
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(20_000),
        });
        const text = await response.text();
        if (response.status >= 500) throw new Error(`server error ${response.status}: ${text}`);
        entry.status = response.status;
        entry.body = text === '' ? null : JSON.parse(text);
        if (response.status >= 200 && response.status < 300) {
          entry.outcome = 'acked';
          entry.replayed = response.headers.get('idempotent-replayed') === 'true';
        } else {
          entry.outcome = 'refused';
        }
        return entry;
      } catch {
        entry.inDoubt += 1;
        await gate;
        // The gate may have been the open one of before the kill: wait for the next start too.
        await this.upGate;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }
}
