import { BadRequestException } from '@nestjs/common';
import type { EventStore, Position } from '@duban/event-store';
import type { Projector } from '@duban/read-models';
import { toErrorResponse } from '../http/error-response';
import { ReadAfterService } from './read-after.service';

const at = (n: number): Position => ({ commit: BigInt(n), prepare: BigInt(n) });

/** A projector at checkpoint 5 whose wait ends as the test says; a store whose head is 10. */
function service(wait: () => Promise<boolean>, head: () => Promise<Position | null> = async () => at(10)): ReadAfterService {
  const projector = { checkpoint: () => at(5), waitFor: wait } as unknown as Projector;
  const store = { headPosition: head } as unknown as EventStore;
  return new ReadAfterService(projector, store);
}

/** What the client gets: status, body and Retry-After, as the exception filter answers. */
async function answerTo(promise: Promise<void>): Promise<{ status: number; code: string; message: string; retryAfter: unknown }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error === null) return { status: 200, code: '', message: '', retryAfter: undefined };
  const { status, body, retryAfterSeconds } = toErrorResponse(error);
  return { status, code: body.code, message: body.message, retryAfter: (error as { retryAfterSeconds?: unknown }).retryAfterSeconds ?? retryAfterSeconds };
}

describe('reading your own write (?after=) while the read model is behind', () => {
  it('answers at once when the read model already includes the position', async () => {
    expect((await answerTo(service(() => Promise.reject(new Error('not called'))).waitFor('5'))).status).toBe(200);
  });

  it('is a 503 with Retry-After when the projector does not get there in time', async () => {
    const answer = await answerTo(service(async () => false).waitFor('7'));
    expect(answer).toEqual({ status: 503, code: 'read_model_behind', message: expect.stringMatching(/请稍后重试/), retryAfter: 1 });
  });

  it('is a 503, not a 500, when the projector has stopped on an error or the store cannot say its head', async () => {
    const stopped = await answerTo(service(() => Promise.reject(new Error('SQLITE_BUSY: database is locked'))).waitFor('7'));
    expect(stopped).toMatchObject({ status: 503, code: 'read_model_behind', retryAfter: 1 });
    const storeDown = await answerTo(service(async () => true, () => Promise.reject(new Error('connection refused'))).waitFor('7'));
    expect(storeDown).toMatchObject({ status: 503, code: 'read_model_behind', retryAfter: 1 });
  });

  it('refuses a position beyond the store head as a 400 naming after', async () => {
    const error = await service(async () => true).waitFor('11').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect(toErrorResponse(error).body.errors).toEqual([{ field: 'after', message: expect.stringMatching(/[\u4e00-\u9fff]/) }]);
  });
});
