import type { SuggestionEvent } from '@duban/domain';
import type { Audience } from '../../inbox/notification-id';
import type { NotificationKind } from '../../inbox/inbox.types';
import { dayText, excerpt } from './notification-text';

type Transferred = Extract<SuggestionEvent, { type: 'SuggestionTransferred' }>['data'];

interface Notice {
  audience: Audience;
  kind: NotificationKind;
  message: string;
}

/**
 * 转办: the unit that takes it over learns what it owes and by when (its clock starts at the
 * transfer), the unit that hands it on that its part has ended, and the lead deputy who now handles
 * the suggestion. Kept apart from the rules' big switch so that file changes by one line.
 */
export function transferNotices(data: Transferred, title: string, leadDeputyId: string, unitName: (unitId: string) => string): Notice[] {
  const reason = excerpt(data.reason);
  const due = data.coOpinionDueAt
    ? `请于${dayText(data.coOpinionDueAt)}前向主办单位提交协办意见`
    : `请于${dayText(data.answerDueAt)}前答复代表`;
  return [
    { audience: `unit:${data.toUnitId}`, kind: 'transferred', message: `建议${title}已由${unitName(data.fromUnitId)}转交本单位办理（${reason}），${due}` },
    { audience: `unit:${data.fromUnitId}`, kind: 'transferred', message: `建议${title}已转交${unitName(data.toUnitId)}办理（${reason}），本单位不再承办` },
    { audience: `user:${leadDeputyId}`, kind: 'transferred', message: `您的建议${title}已改由${unitName(data.toUnitId)}办理（${reason}）` },
  ];
}
