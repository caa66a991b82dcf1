import { Timeline, Typography } from 'antd';
import type { TimelineEntry } from '../api/types';
import { useDirectory } from '../layout/directory-context';
import { eventLabel } from '@duban/domain/labels';
import { roleLabel } from '../lib/labels';
import { formatDateTime } from '../lib/time';
import { describeEvent } from './describe-event';

const COLORS: Record<string, string> = {
  SuggestionRejected: 'gray',
  SuggestionWithdrawn: 'gray',
  SuggestionUrged: 'red',
  SuggestionEscalated: 'red',
  DeadlineMissed: 'red',
  DeadlineReminderRecorded: 'orange',
  FeedbackWindowExpired: 'gray',
  RehandlingStarted: 'orange',
  SuggestionAnswered: 'green',
  CommitmentFulfilled: 'green',
  SuggestionClosed: 'green',
};

function actorText(actor: TimelineEntry['actor'], userName: (id: string) => string, unitName: (id: string) => string): string {
  if (actor.role === 'system') return '系统';
  const role = roleLabel(actor.role);
  if (actor.unitId) return `${unitName(actor.unitId)} ${userName(actor.userId)}`;
  return `${role} ${userName(actor.userId)}`;
}

/** Every event of one suggestion, oldest first: who did what when. */
export function SuggestionTimeline({ entries }: { entries: TimelineEntry[] }) {
  const directory = useDirectory();
  return (
    <Timeline
      data-testid="timeline"
      items={entries.map((entry) => ({
        key: entry.revision,
        color: COLORS[entry.type] ?? 'blue',
        // The date goes inside the content: an item title would switch antd to a two-column layout, too wide on phones.
        content: (
          <div data-event-type={entry.type}>
            <div className="muted small">{formatDateTime(entry.occurredAt)}</div>
            <Typography.Text strong>{eventLabel(entry.type)}</Typography.Text>
            <span className="muted"> · {actorText(entry.actor, directory.userName, directory.unitName)}</span>
            <div className="timeline-text">{describeEvent(entry, directory)}</div>
          </div>
        ),
      }))}
    />
  );
}
