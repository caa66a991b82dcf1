import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { ApiMetrics } from '../metrics/api-metrics';
import { createRootLogger } from './create-root-logger';
import { requestLogger } from './request-logger';

/** One line per answered request, read back as an operator's log collector would. */
describe('requestLogger', () => {
  function answer(originalUrl: string): Record<string, unknown> {
    const lines: string[] = [];
    const logger = createRootLogger('info', { write: (line: string) => void lines.push(line) });
    const req = { method: 'GET', originalUrl, path: originalUrl.split('?')[0], baseUrl: '' } as unknown as Request;
    const res = Object.assign(new EventEmitter(), { statusCode: 200, headersSent: true, writableFinished: true }) as unknown as Response;
    requestLogger(logger, new ApiMetrics())(req, res, (() => undefined) as NextFunction);
    res.emit('finish');
    expect(lines).toHaveLength(1);
    return JSON.parse(lines[0]!) as Record<string, unknown>;
  }

  it('logs method, url and status of a request', () => {
    expect(answer('/api/suggestions?status=assigned&page=2')).toMatchObject({ method: 'GET', url: '/api/suggestions?status=assigned&page=2', status: 200, msg: 'request' });
  });

  it('never writes the live stream\'s token into the log', () => {
    const line = answer('/api/events/stream?after=42&access_token=eyJhbGciOi.secret.part&x=1');
    expect(line.url).toBe('/api/events/stream?after=42&access_token=[redacted]&x=1');
    expect(JSON.stringify(line)).not.toContain('eyJhbGciOi');
  });
});
