import type { NextFunction, Request, Response } from 'express';

/**
 * EventSource cannot send headers, so the live stream takes its token as `?access_token=`. Copied
 * into the Authorization header before the guards run, the one JWT guard checks it like any
 * other token; a header the client did send wins.
 */
export function accessTokenFromQuery(req: Request, _res: Response, next: NextFunction): void {
  const token = req.query['access_token'];
  if (req.headers.authorization === undefined && typeof token === 'string' && token !== '') {
    req.headers.authorization = `Bearer ${token}`;
  }
  next();
}
