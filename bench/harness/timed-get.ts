import * as http from 'node:http';
import { nowMs } from './measure';

export interface TimedResponse {
  status: number;
  ms: number;
  body: string;
}

/**
 * One GET on a kept-alive connection, timed from the request to the last byte with the
 * monotonic clock (sub-millisecond, unlike autocannon's 1 ms histogram).
 */
export function timedGet(agent: http.Agent, url: string, token: string): Promise<TimedResponse> {
  return new Promise((resolve, reject) => {
    const started = nowMs();
    const req = http.get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: nowMs() - started, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}
