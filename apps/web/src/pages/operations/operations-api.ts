import { request } from '../../api/client';

/** A stream the read model holds back: the event it could not apply and how many wait behind it. */
export interface ParkedStream {
  streamId: string;
  revision: number;
  position: string;
  type: string;
  error: string;
  since: string;
  attempts: number;
  events: number;
}

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
