import { DomainError } from '@duban/domain';

/**
 * The one answer for a suggestion the caller may not read, whether it exists or not: the detail,
 * the timeline, the audit and every command give exactly this 404 (`{statusCode: 404, code:
 * 'not_found', message: '建议不存在'}`), so no route tells an id that exists from one that does not.
 * A DomainError of kind not_found, so the command metrics count it as not_found.
 */
export function suggestionNotFound(): DomainError {
  return new DomainError('not_found', '建议不存在', 'not_found');
}
