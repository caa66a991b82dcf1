import { formatSuggestionNumber } from '@duban/domain/labels';
import type { SuggestionEventType } from '@duban/domain';
import { OBLIGATION_LABELS } from '@duban/domain/labels';
import type { TimelineEntry } from '../api/types';
import { exemptionLabel, modeLabel, satisfactionLabel, unitRoleLabel } from '../lib/labels';
import { formatDue } from '../lib/time';
import type { AssignmentMode, ExemptionReason, Satisfaction, UnitRole } from '../api/types';

interface Names {
  unitName: (id: string | undefined) => string;
  userName: (id: string | undefined) => string;
  categoryLabel: (code: string) => string;
}

type Data = Record<string, unknown>;
// The api types an event's data as unknown: it is whatever the event carried when it was stored.
const isData = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** An unknown kind (from a newer api) shows its code. */
const obligationLabel = (kind: string): string =>
  Object.hasOwn(OBLIGATION_LABELS, kind) ? OBLIGATION_LABELS[kind as keyof typeof OBLIGATION_LABELS] : kind;

/**
 * The timeline's sentence under each event's label. Keyed by every event type the domain has, so a
 * new event does not compile until it says how it reads (an empty sentence must be written out).
 */
export const EVENT_DESCRIBERS: Readonly<Record<SuggestionEventType, (d: Data, n: Names) => string>> = {
  SuggestionSubmitted: (d, n) => {
    const co = Array.isArray(d.coSignerIds) ? d.coSignerIds.map((id) => n.userName(str(id))) : [];
    return `《${str(d.title)}》${co.length ? `，附议代表：${co.join('、')}` : ''}`;
  },
  SuggestionAccepted: (d) =>
    [typeof d.number === 'number' ? `编号 ${formatSuggestionNumber(d.number)}` : '', d.assignDueAt ? `交办期限 ${formatDue(str(d.assignDueAt))}` : ''].filter(Boolean).join('，'),
  AssignmentScheduled: (d) => `会次交办日期 ${str(d.assignOn)}，交办期限 ${formatDue(str(d.assignDueAt))}`,
  SuggestionRejected: (d) => `理由：${str(d.reason)}`,
  SuggestionAssigned: (d, n) => describeAssignment(d, n),
  SuggestionReassigned: (d, n) => describeAssignment(d, n),
  ReturnRequested: (d, n) => `${n.unitName(str(d.unitId))}：${str(d.reason)}`,
  ReturnApproved: (d, n) => `${n.unitName(str(d.unitId))}${d.reason ? `，${str(d.reason)}` : ''}，待重新交办`,
  SuggestionTransferred: (d, n) =>
    `${n.unitName(str(d.fromUnitId))}转交${n.unitName(str(d.toUnitId))}办理：${str(d.reason)}；新单位答复期限 ${formatDue(str(d.coOpinionDueAt ?? d.answerDueAt))}`,
  ReturnDenied: (d, n) => `${n.unitName(str(d.unitId))}${d.reason ? `，${str(d.reason)}` : ''}`,
  DeputyContacted: (d, n) => `${n.unitName(str(d.unitId))}（${str(d.method)}）：${str(d.summary)}`,
  CoHandlerOpinionSubmitted: (d, n) => `${n.unitName(str(d.unitId))}：${str(d.content)}`,
  ExtensionRequested: (d, n) => `${n.unitName(str(d.unitId))} 申请延期至 ${formatDue(str(d.until))}：${str(d.reason)}`,
  ExtensionGranted: (d, n) => `${n.unitName(str(d.unitId))} 延期至 ${formatDue(str(d.until))}`,
  ExtensionDenied: (d, n) => `${n.unitName(str(d.unitId))}${d.reason ? `，${str(d.reason)}` : ''}`,
  KeySupervisionStarted: (d, n) =>
    `督办人：${n.userName(str(d.supervisorId))}${d.leaderName ? `，领办领导：${str(d.leaderName)}` : ''}`,
  SuggestionUrged: (d) => str(d.note),
  SuggestionAnswered: (d, n) => {
    const commitments = Array.isArray(d.commitments) ? d.commitments.length : 0;
    const letters = Array.isArray(d.letters) ? (d.letters as Data[]) : [];
    return `${n.unitName(str(d.unitId))} 第 ${str(d.round)} 次答复，${n.categoryLabel(str(d.category))}，签发人 ${str(d.signedBy)}${
      commitments ? `，承诺事项 ${commitments} 项` : ''
    }${d.onTime === false ? '（逾期答复）' : ''}${letters.length ? `；答复函：${letters.map(describeFile).join('、')}` : ''}`;
  },
  SuggestionRated: (d, n) =>
    `${n.unitName(str(d.unitId))}：办理态度${satisfactionLabel(d.attitude as Satisfaction)}，办理结果${satisfactionLabel(
      d.result as Satisfaction,
    )}${d.reason ? `；理由：${str(d.reason)}` : ''}${d.awaitsRehandlingDecision ? '；待代表工作机构研究决定是否重新办理' : ''}`,
  RehandlingStarted: (d, n) => `${n.unitName(str(d.unitId))} 重新办理，期限 ${formatDue(str(d.dueAt))}${d.reason ? `；理由：${str(d.reason)}` : ''}`,
  SuggestionEscalated: (d, n) => `${n.unitName(str(d.unitId))}：${str(d.reason)}`,
  CommitmentFulfilled: (d, n) => `${n.unitName(str(d.unitId))} 落实承诺 ${str(d.commitmentId)}：${str(d.evidence)}`,
  SuggestionWithdrawn: (d) => `理由：${str(d.reason)}`,
  CommitmentFulfilmentRated: (d, n) =>
    `${n.unitName(str(d.unitId))} 承诺事项落实情况：${satisfactionLabel(d.rating as Satisfaction)}${d.reason ? `；意见：${str(d.reason)}` : ''}`,
  WithdrawalRequested: (d, n) => `${n.userName(str(d.deputyId))} 要求撤回：${str(d.reason)}（联名建议须全体代表一致要求）`,
  DeadlineReminderRecorded: (d, n) => describeDeadline(d, n, '即将到期'),
  DeadlineMissed: (d, n) => describeDeadline(d, n, '已逾期'),
  FeedbackWindowExpired: (d, n) => `${n.unitName(str(d.unitId))} 第 ${str(d.round)} 次答复未在期限内评价，不计入满意率`,
  SuggestionGrouped: (d) => `并案办理，共 ${Array.isArray(d.memberIds) ? d.memberIds.length : 0} 件`,
  SuggestionUngrouped: (d) => `并案未完成，已解除：${str(d.reason)}`,
  SuggestionClosed: () => '',
  AnswerPublished: () => '已向社会公开建议及答复',
  DisclosureExempted: (d) => `原因：${exemptionLabel(d.reason as ExemptionReason)}${d.note ? `，${str(d.note)}` : ''}`,
  AttachmentAdded: (d) => `${d.kind === 'letter' ? '答复函（待随答复提交）' : '附件'}：${describeFile(d)}`,
  AttachmentDiscarded: (d) => `未随答复提交的文件已超过保留期，已清理（SHA-256 ${str(d.sha256).slice(0, 12)}…）`,
  DeadlinesRecomputed: (d, n) => {
    const changes = Array.isArray(d.changes) ? d.changes.filter(isData) : [];
    const moved = changes.map((c) => `${changeName(str(c.obligation), n)} ${formatDue(str(c.from))} → ${formatDue(str(c.to))}`);
    return `${str(d.reason)}${moved.length ? `：${moved.join('；')}` : ''}`;
  },
  AnswerDelivered: (d, n) => {
    const units = Array.isArray(d.units) ? d.units.filter(isData) : [];
    const windows = units.filter((u) => u.feedbackDueAt).map((u) => `${n.unitName(str(u.unitId))} 评价期限 ${formatDue(str(u.feedbackDueAt))}`);
    return `领衔代表已查阅答复（送达）${windows.length ? `，自收到之日起计算：${windows.join('；')}` : ''}`;
  },
};

/** A file as the record names it: its name and the start of its hash (the whole hash is in the event). */
function describeFile(d: Data): string {
  return `${str(d.name)}（SHA-256 ${str(d.sha256).slice(0, 12)}…）`;
}

/** A recomputed due time's name: `answer:u-1:1` → 交通局 答复; `extension_max` → 延期答复最长期限. */
function changeName(obligation: string, n: Names): string {
  const [head = '', unitId] = obligation.split(':');
  if (head === 'extension_max') return `${unitId ? `${n.unitName(unitId)} ` : ''}延期答复最长期限`;
  const kind = head.replace(/@\d+$/, '') === 'return' ? 'return_window' : head.replace(/@\d+$/, '');
  return `${unitId ? `${n.unitName(unitId.replace(/@\d+$/, ''))} ` : ''}${obligationLabel(kind)}`;
}

function describeDeadline(d: Data, n: Names, what: string): string {
  const kind = obligationLabel(str(d.kind));
  const who = d.unitId ? `${n.unitName(str(d.unitId))} ` : '';
  const commitment = d.commitmentId ? ` ${str(d.commitmentId)}` : '';
  return `${who}${kind}${commitment}${what}，期限 ${formatDue(str(d.dueAt))}`;
}

function describeAssignment(d: Data, n: Names): string {
  const units = Array.isArray(d.units) ? (d.units as { unitId: string; role: UnitRole }[]) : [];
  const list = units.map((u) => `${n.unitName(u.unitId)}（${unitRoleLabel(u.role)}）`).join('、');
  const due = d.answerDueAt ? `，答复期限 ${formatDue(str(d.answerDueAt))}` : '';
  return `${modeLabel(d.mode as AssignmentMode)}：${list}${due}`;
}

export function describeEvent(entry: TimelineEntry, names: Names): string {
  const describe = Object.hasOwn(EVENT_DESCRIBERS, entry.type) ? EVENT_DESCRIBERS[entry.type as SuggestionEventType] : undefined;
  if (!describe) return '';
  try {
    return describe(isData(entry.data) ? entry.data : {}, names);
  } catch {
    // An older or newer event shape must not break the whole timeline.
    return '';
  }
}
