import type { ParkedStream } from '@duban/read-models/operations/parked.types';

export type { ParkedStream };
import { request } from '../../api/client';

export interface ParkedList {
  total: number;
  items: ParkedStream[];
}

export interface ParkedRetryReport {
  released: string[];
  stillParked: { streamId: string; error: string }[];
}

export function listParked(): Promise<ParkedList> {
  return request<ParkedList>('/api/operations/parked');
}

export function retryParked(): Promise<ParkedRetryReport> {
  return request<ParkedRetryReport>('/api/operations/parked/retry', { method: 'POST' });
}
