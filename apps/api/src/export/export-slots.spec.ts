import { EXPORT_MAX_CONCURRENT_DEFAULT, ExportSlots, ExportsBusyException } from './export-slots';
import { toErrorResponse } from '../http/error-response';

describe('ExportSlots (EXPORT_MAX_CONCURRENT)', () => {
  const saved = process.env.EXPORT_MAX_CONCURRENT;
  afterEach(() => {
    if (saved === undefined) delete process.env.EXPORT_MAX_CONCURRENT;
    else process.env.EXPORT_MAX_CONCURRENT = saved;
  });

  it(`runs ${EXPORT_MAX_CONCURRENT_DEFAULT} at once by default; the next is a 429 with Retry-After and a Chinese message until one ends`, () => {
    delete process.env.EXPORT_MAX_CONCURRENT;
    const slots = new ExportSlots();
    const releases = [slots.take(), slots.take()];
    let refusal: unknown;
    try {
      slots.take();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ExportsBusyException);
    expect((refusal as ExportsBusyException).retryAfterSeconds).toBeGreaterThan(0);
    const { status, body } = toErrorResponse(refusal);
    expect(status).toBe(429);
    expect(body).toMatchObject({ code: 'export_busy', message: '当前导出任务较多，请稍后再试' });

    releases[0]!();
    releases[0]!(); // a second release of the same slot frees nothing more
    expect(() => slots.take()).not.toThrow();
    expect(() => slots.take()).toThrow(ExportsBusyException);
  });

  it('takes its limit from EXPORT_MAX_CONCURRENT and refuses a value that is not a positive integer', () => {
    process.env.EXPORT_MAX_CONCURRENT = '3';
    expect(new ExportSlots().max).toBe(3);
    for (const bad of ['0', '-1', '1.5', 'two']) {
      process.env.EXPORT_MAX_CONCURRENT = bad;
      expect(() => new ExportSlots()).toThrow(/EXPORT_MAX_CONCURRENT/);
    }
  });
});
