import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { AuthUser } from '../../auth/auth-user';
import type { RequestIds } from '../../http/correlation';
import type { ApiMetrics } from '../metrics/api-metrics';

type ObservedRequest = Request & { ids?: RequestIds; user?: AuthUser };

/**
 * One JSON line per request once it is answered (method, url, status, ms, correlationId, userId)
 * and its duration in the HTTP histogram. Runs after the correlation middleware; the user is
 * known by the time the response finishes because the auth guard has run by then.
 */
export function requestLogger(root: Logger, metrics: ApiMetrics) {
  const log = root.child({ context: 'http' });
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    let done = false;
    const finish = (aborted: boolean) => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const request = req as ObservedRequest;
      const status = aborted && !res.headersSent ? 499 : res.statusCode;
      metrics.httpDuration.observe({ method: req.method, route: routeOf(req), status: String(status) }, seconds);
      const line = {
        method: req.method,
        url: loggedUrl(req.originalUrl),
        status,
        ms: Math.round(seconds * 1000 * 10) / 10,
        correlationId: request.ids?.correlationId,
        userId: request.user?.id,
        ...(aborted ? { aborted: true } : {}),
      };
      if (status >= 500) log.error(line, 'request failed');
      else log.info(line, 'request');
    };
    res.on('finish', () => finish(false));
    res.on('close', () => finish(!res.writableFinished));
    next();
  };
}

/** The live stream takes its bearer token in the query (EventSource cannot send headers): never log it. */
const TOKEN_IN_QUERY = /([?&]access_token=)[^&]*/g;

function loggedUrl(url: string): string {
  return url.includes('access_token=') ? url.replace(TOKEN_IN_QUERY, '$1[redacted]') : url;
}

/** The route pattern (`/api/suggestions/:id/answer`), never the concrete URL: ids would explode the label set. */
function routeOf(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${req.baseUrl ?? ''}${route.path}`;
  return req.path.startsWith('/api') ? 'unmatched' : 'static';
}
