/** One message of an event stream: its data lines joined, or the comment it carried. */
export interface SseMessage {
  data?: string;
  comment?: string;
  id?: string;
}

/**
 * A minimal EventSource over fetch: reads `text/event-stream` as it arrives and keeps every
 * message, so a test can wait for one and check what never came.
 */
export class SseClient {
  readonly messages: SseMessage[] = [];
  private buffer = '';
  private readonly waiters = new Set<() => void>();
  private ended = false;

  private constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly abort: AbortController,
    body: ReadableStream<Uint8Array> | null,
  ) {
    if (body) void this.pump(body);
  }

  static async connect(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const abort = new AbortController();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
    if (response.status !== 200) {
      const client = new SseClient(response.status, response.headers, abort, null);
      client.buffer = await response.text();
      return client;
    }
    return new SseClient(response.status, response.headers, abort, response.body);
  }

  /** The body of a refused connection. */
  get errorBody(): any {
    return JSON.parse(this.buffer);
  }

  /** Parsed JSON of every data message so far. */
  get data(): any[] {
    return this.messages.filter((m) => m.data !== undefined).map((m) => JSON.parse(m.data!));
  }

  async waitFor<T = any>(predicate: (data: any) => boolean, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.data.find(predicate);
      if (found !== undefined) return found as T;
      if (this.ended) throw new Error(`stream ended without the expected message; got ${JSON.stringify(this.messages)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no expected message within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        const waiters = this.waiters;
        function done() {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        }
        waiters.add(done);
      });
    }
  }

  close(): void {
    this.abort.abort();
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    const reader = body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        this.buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) !== -1) {
          const block = this.buffer.slice(0, end);
          this.buffer = this.buffer.slice(end + 2);
          const message = parseBlock(block);
          if (message) this.messages.push(message);
        }
        for (const wake of [...this.waiters]) wake();
      }
    } catch {
      // Aborted by close(), or the server went away.
    } finally {
      this.ended = true;
      for (const wake of [...this.waiters]) wake();
    }
  }
}

function parseBlock(block: string): SseMessage | null {
  const message: SseMessage = {};
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) message.comment = line.slice(1).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    else if (line.startsWith('id:')) message.id = line.slice(3).trim();
  }
  if (data.length > 0) message.data = data.join('\n');
  return message.data !== undefined || message.comment !== undefined ? message : null;
}
