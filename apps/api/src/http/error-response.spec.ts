import { BadRequestException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { DomainError } from '@duban/domain';
import { StoreFullError, StoreUnavailableError, WrongExpectedRevisionError } from '@duban/event-store';
import { ConcurrencyExhaustedError } from '../suggestions/execution/concurrency-exhausted.error';
import { RevisionMismatchError } from '../suggestions/execution/revision-mismatch.error';
import { toErrorResponse } from './error-response';

describe('toErrorResponse', () => {
  it.each([
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
  ] as const)('maps a %s domain error to %i with its code and message', (kind, status) => {
    const { status: actual, body } = toErrorResponse(new DomainError('rule.name', '规则不允许', kind));
    expect(actual).toBe(status);
    expect(body).toEqual({ statusCode: status, code: 'rule.name', message: '规则不允许' });
  });

  it('maps an invalid domain error to 400 naming the field', () => {
    const response = toErrorResponse(new DomainError('answer.unknown_category', '答复类别无效', 'invalid', 'category'));
    expect(response).toEqual({
      status: 400,
      body: { statusCode: 400, code: 'answer.unknown_category', message: '答复类别无效', errors: [{ field: 'category', message: '答复类别无效' }] },
    });
  });

  it('maps a stale If-Match to 412 with the current revision', () => {
    const { status, body } = toErrorResponse(new RevisionMismatchError(2, 5));
    expect(status).toBe(412);
    expect(body).toMatchObject({ statusCode: 412, code: 'revision_mismatch', currentRevision: 5 });
  });

  it('maps lost races to 409', () => {
    expect(toErrorResponse(new ConcurrencyExhaustedError('suggestion-1', 4)).status).toBe(409);
    expect(toErrorResponse(new WrongExpectedRevisionError('suggestion-1', 1n, 2n)).status).toBe(409);
  });

  it('maps a full or unreachable store to 503 with a Chinese message and a time to retry, never 500', () => {
    const full = toErrorResponse(new StoreFullError('event store is full: database or disk is full'));
    expect(full.status).toBe(503);
    expect(full.body).toMatchObject({ statusCode: 503, code: 'store_full' });
    expect(full.body.message).toMatch(/存储空间已满/);
    expect(full.retryAfterSeconds).toBeGreaterThan(0);
    const down = toErrorResponse(new StoreUnavailableError('EventStoreDB cannot take the append (unavailable)'));
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ statusCode: 503, code: 'store_unavailable' });
    expect(down.body.message).toMatch(/请稍后重试/);
    expect(down.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('keeps Chinese messages and replaces the framework’s English ones', () => {
    expect(toErrorResponse(new UnauthorizedException('用户名或密码错误')).body.message).toBe('用户名或密码错误');
    expect(toErrorResponse(new NotFoundException('Cannot GET /api/x')).body).toEqual({
      statusCode: 404,
      code: 'not_found',
      message: '请求的资源不存在',
    });
    const validation = toErrorResponse(new BadRequestException({ message: '请求参数有误', errors: [{ field: 'a', message: '必填' }] }));
    expect(validation.body.errors).toEqual([{ field: 'a', message: '必填' }]);
  });

  it('hides anything unexpected behind a 500 without details', () => {
    expect(toErrorResponse(new Error('SQLITE_CORRUPT at /var/lib/x'))).toEqual({
      status: 500,
      body: { statusCode: 500, code: 'internal_error', message: '服务器内部错误' },
    });
  });
});
