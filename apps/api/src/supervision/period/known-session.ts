import { BadRequestException } from '@nestjs/common';
import { LEGACY_SESSION_ID } from '@duban/domain';
import type { ReadModelQueries } from '@duban/read-models';
import type { SupervisionPeriod } from './period';

/**
 * A period naming a session that does not exist is a 400 on sessionId: all-zero figures would
 * read as a true answer. Checked after the read model has caught up with the caller's `after`,
 * so a session opened a moment ago is found.
 */
export function requireKnownSession(queries: ReadModelQueries, period: SupervisionPeriod): void {
  const id = period.sessionId;
  if (id === null || id === LEGACY_SESSION_ID) return;
  if (queries.listSessions().some((session) => session.id === id)) return;
  throw new BadRequestException({ statusCode: 400, code: 'validation_failed', message: '请求参数有误', errors: [{ field: 'sessionId', message: '届次不存在' }] });
}
