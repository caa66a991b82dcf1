import { Alert, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import type { Assignment, DueView, SuggestionDetail, UnitHandling } from '../api/types';
import type { DeadlineView } from '@duban/domain';
import { useDirectory } from '../layout/directory-context';
import { satisfactionLabel, UNIT_STAGE_LABELS, unitRoleLabel } from '../lib/labels';
import { formatDateTime, formatDue } from '../lib/time';
import { DueBadge, levelOf } from './due-badge';
import { Link } from 'react-router-dom';
import { PrinterOutlined } from '@ant-design/icons';
import { AttachmentList } from './attachment-files';
import { letterPath } from '../lib/letter-path';
import { isProvisional } from '../lib/provisional';

function PendingRequests({ assignment }: { assignment: Assignment }) {
  const { unitName } = useDirectory();
  return (
    <>
      {assignment.pendingReturn && (
        <Alert
          type="warning"
          showIcon
          className="gap-bottom"
          title={`${unitName(assignment.pendingReturn.unitId)} 申请退回，待代表工委审批`}
          description={`理由：${assignment.pendingReturn.reason}（${formatDateTime(assignment.pendingReturn.requestedAt)}）`}
        />
      )}
      {assignment.pendingExtension && (
        <Alert
          type="warning"
          showIcon
          className="gap-bottom"
          title={`${unitName(assignment.pendingExtension.unitId)} 申请延期至 ${formatDue(assignment.pendingExtension.until)}，待审批`}
          description={`理由：${assignment.pendingExtension.reason}`}
        />
      )}
    </>
  );
}

/**
 * The unit's duty to contact the deputy (联系代表), with its deadline and how it stands, as the
 * server's deadline list says: a unit sees it before it bites, not only once it is missed.
 */
function ContactState({ unit, deadline, due }: { unit: UnitHandling; deadline: DeadlineView | undefined; due: DueView | null }) {
  if (unit.contactedAt) {
    const late = deadline?.status === 'late';
    return (
      <span data-testid="contact-state" data-status={deadline?.status ?? 'met'}>
        {formatDateTime(unit.contactedAt)} 已联系{' '}
        {late && (
          <Tag color="red">
            逾期联系（期限 {formatDue(deadline.dueAt)}）
          </Tag>
        )}
      </span>
    );
  }
  if (!deadline) return <span data-testid="contact-state">尚未联系</span>;
  if (deadline.status === 'ended') return <span data-testid="contact-state" data-status="ended">未联系（已不再需要）</span>;
  return (
    <span data-testid="contact-state" data-status={deadline.status}>
      尚未联系{' '}
      <DueBadge dueAt={deadline.dueAt} level={levelOf(deadline.dueAt, due)} overdue={deadline.status === 'missed'} prefix="联系 " />
    </span>
  );
}

function UnitCard({ unit, due, suggestionId, contactDeadline, provisional }: { unit: UnitHandling; due: DueView | null; suggestionId: string; contactDeadline?: DeadlineView; provisional: boolean }) {
  const { unitName, categoryLabel } = useDirectory();
  const open = unit.stage === 'handling' || unit.stage === 'rehandling';
  return (
    <Card
      size="small"
      className="unit-card"
      data-unit-id={unit.unitId}
      title={
        <Space wrap>
          <span>{unitName(unit.unitId)}</span>
          <Tag>{unitRoleLabel(unit.role)}</Tag>
          <Tag color={open ? 'processing' : 'default'}>{UNIT_STAGE_LABELS[unit.stage]}</Tag>
        </Space>
      }
      extra={unit.role !== 'co' && open ? <DueBadge dueAt={unit.dueAt} level={levelOf(unit.dueAt, due)} prefix="答复 " provisional={provisional} /> : null}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="联系代表">
          <ContactState unit={unit} deadline={contactDeadline} due={due} />
        </Descriptions.Item>
        {unit.role === 'co' && (
          <Descriptions.Item label="协办意见">{unit.coOpinion ? unit.coOpinion.content : '尚未提交'}</Descriptions.Item>
        )}
      </Descriptions>
      {unit.answers.map((answer) => {
        const rating = unit.ratings.find((r) => r.round === answer.round);
        return (
          <div key={answer.round} className="answer-block" data-round={answer.round}>
            <Typography.Text strong>
              第 {answer.round} 次答复 · {categoryLabel(answer.category)}
            </Typography.Text>
            {!answer.onTime && <Tag color="red">逾期答复</Tag>}
            <div className="muted small">
              签发人 {answer.signedBy} · {formatDateTime(answer.answeredAt)}
            </div>
            <Typography.Paragraph className="answer-text">{answer.content}</Typography.Paragraph>
            {answer.letters && answer.letters.length > 0 && <AttachmentList files={answer.letters} tagOf={() => '答复函'} via={suggestionId} />}
            <Link to={letterPath(suggestionId, unit.unitId, answer.round)} data-testid="print-letter">
              <PrinterOutlined /> 答复函打印版
            </Link>
            {rating && (
              <div className="rating-line" data-testid="rating">
                代表评价：办理态度
                <Tag color={rating.attitude === 'dissatisfied' ? 'red' : 'green'}>{satisfactionLabel(rating.attitude)}</Tag>
                办理结果
                <Tag color={rating.result === 'dissatisfied' ? 'red' : 'green'}>{satisfactionLabel(rating.result)}</Tag>
                {rating.reason && <div className="muted">理由：{rating.reason}</div>}
              </div>
            )}
          </div>
        );
      })}
    </Card>
  );
}

/** Each unit's part: role, stage, due time, contact, opinion, answers and the ratings they got. */
export function UnitHandlingSection({ detail }: { detail: SuggestionDetail }) {
  if (!('assignment' in detail) || !detail.assignment) return <NotAssigned detail={detail} />;
  const assignment = detail.assignment;
  return (
    <div data-testid="unit-handling">
      <PendingRequests assignment={assignment} />
      {assignment.units.map((unit) => (
        <UnitCard
          key={unit.unitId}
          unit={unit} due={detail.due} suggestionId={detail.id} contactDeadline={latestContact(detail.deadlines, unit.unitId)}
          provisional={isProvisional(detail, unit.dueAt, { unitId: unit.unitId })}
        />
      ))}
    </div>
  );
}

/** The unit's latest contact obligation (a new assignment after a return sets a new one). */
function latestContact(deadlines: DeadlineView[], unitId: string): DeadlineView | undefined {
  return deadlines.filter((d) => d.kind === 'contact' && d.unitId === unitId).at(-1);
}

/**
 * Why no unit handles it: an illustration of "not yet" only where a 交办 is still to come, a plain
 * sentence where none will come (不予立案, withdrawn) or where a unit's return was approved.
 */
function NotAssigned({ detail }: { detail: SuggestionDetail }) {
  const returned = detail.previousAssignments.length > 0;
  switch (detail.status) {
    case 'rejected':
      return <p className="muted" data-testid="not-assigned">不予立案，不交办承办单位。</p>;
    case 'withdrawn':
      return <p className="muted" data-testid="not-assigned">代表已撤回，不再交办。</p>;
    case 'accepted':
      if (returned) return <p className="muted" data-testid="not-assigned">原承办单位申请退回已获同意，待重新交办。</p>;
      return <Empty description="已立案，尚未交办" data-testid="not-assigned" />;
    default:
      return <Empty description="尚未交办" data-testid="not-assigned" />;
  }
}
