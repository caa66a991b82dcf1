/** Machine-readable kinds; the message says it in Chinese. */
export type NotificationKind =
  | 'submitted'
  | 'assigned'
  | 'urged'
  | 'return_requested'
  | 'return_decided'
  | 'transferred'
  | 'extension_requested'
  | 'extension_decided'
  | 'key_supervision'
  | 'answered'
  | 'rated'
  | 'rehandling'
  | 'escalated'
  | 'deadline_reminder'
  | 'deadline_missed'
  | 'co_signed'
  | 'accepted'
  | 'rejected'
  | 'returned'
  | 'extended'
  | 'co_opinion'
  | 'commitment_fulfilled'
  | 'withdrawn'
  | 'feedback_reminder'
  | 'feedback_closed'
  | 'withdrawal_requested'
  | 'rehandling_decision'
  | 'deadlines_recomputed';

export interface InboxItem {
  id: string;
  suggestionId: string;
  kind: NotificationKind;
  message: string;
  createdAt: string;
  read: boolean;
}

export interface Inbox {
  /** Newest first. */
  items: InboxItem[];
  total: number;
  unread: number;
}

export interface InboxPage {
  /** From 1. */
  page: number;
  pageSize: number;
}
