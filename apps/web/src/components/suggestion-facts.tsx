import { Descriptions, Tag, Typography } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import type { SuggestionDetail } from '../api/types';
import { useAuth } from '../auth/auth-context';
import { useDirectory } from '../layout/directory-context';
import { canOpenAnyArchive, deputyArchivePath } from '../pages/deputies/archive-paths';
import { disclosureLabel, modeLabel } from '../lib/labels';
import { formatDateTime, formatDue } from '../lib/time';
import { StatusTag } from './status-tag';
import { ProvisionalTag } from './provisional-tag';
import { isProvisional } from '../lib/provisional';

/** Who proposed what, when, and where it stands. */
export function SuggestionFacts({ detail }: { detail: SuggestionDetail }) {
  const { userName, unitName } = useDirectory();
  const { pathname } = useLocation();
  const { user } = useAuth();
  // Staff and supervisors go from a signer's name to their 履职档案; others just read the name.
  const deputy = (id: string) =>
    user && canOpenAnyArchive(user.role) ? (
      <Link key={id} to={deputyArchivePath(id)} data-testid="deputy-archive-link" data-deputy-id={id}>
        {userName(id)}
      </Link>
    ) : (
      <span key={id}>{userName(id)}</span>
    );
  const assignment = 'assignment' in detail ? detail.assignment : undefined;
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        bordered
        styles={{ label: { whiteSpace: 'nowrap' } }}
        data-testid="suggestion-facts"
      >
        <Descriptions.Item label="状态">
          <StatusTag status={detail.status} />
          {detail.escalated && <Tag color="red">提级督办</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="领衔代表">{deputy(detail.leadDeputyId)}</Descriptions.Item>
        <Descriptions.Item label="附议代表">
          {detail.coSignerIds.length ? detail.coSignerIds.flatMap((id, i) => (i === 0 ? [deputy(id)] : ['、', deputy(id)])) : '无'}
        </Descriptions.Item>
        <Descriptions.Item label="提出时间">{formatDateTime(detail.submittedAt)}</Descriptions.Item>
        {detail.status === 'accepted' && (
          <Descriptions.Item label="交办期限">
            {formatDue(detail.assignDueAt)}
            {isProvisional(detail, detail.assignDueAt, { kind: 'assign' }) && <ProvisionalTag />}
          </Descriptions.Item>
        )}
        {assignment && (
          <Descriptions.Item label="承办单位">
            {assignment.units.map((u) => unitName(u.unitId)).join('、')}（{modeLabel(assignment.mode)}）
          </Descriptions.Item>
        )}
        {/* The rating is the lead deputy's to give: a co-signer is not shown a deadline that is not theirs. */}
        {assignment?.feedbackDueAt && !(user?.role === 'deputy' && user.id !== detail.leadDeputyId) && (
          <Descriptions.Item label="评价期限">
            {formatDue(assignment.feedbackDueAt)}
            {isProvisional(detail, assignment.feedbackDueAt, { kind: 'feedback' }) && <ProvisionalTag />}
          </Descriptions.Item>
        )}
        {detail.keySupervision && (
          <Descriptions.Item label="重点督办">
            督办人 {userName(detail.keySupervision.supervisorId)}
            {detail.keySupervision.leaderName ? `，领办领导 ${detail.keySupervision.leaderName}` : '，尚无领办领导'}
          </Descriptions.Item>
        )}
        {detail.status === 'rejected' && (
          <Descriptions.Item label="不予立案理由">{detail.rejectedReason}</Descriptions.Item>
        )}
        {detail.status === 'withdrawn' && <Descriptions.Item label="撤回理由">{detail.withdrawnReason}</Descriptions.Item>}
        {detail.disclosure && <Descriptions.Item label="公开">{disclosureLabel(detail.disclosure)}</Descriptions.Item>}
        {detail.hideDeputyName && <Descriptions.Item label="代表姓名">公开时隐去</Descriptions.Item>}
        {detail.group && (
          <Descriptions.Item label="并案">
            {detail.group.primarySuggestionId === detail.id ? (
              '主件'
            ) : (
              // The group is assigned and answered from its primary: take the user there.
              <Link to={pathname.replace(/[^/]+$/, encodeURIComponent(detail.group.primarySuggestionId))} data-testid="group-primary">
                并入他件（查看主件）
              </Link>
            )}
            ，共 {detail.group.memberIds.length} 件
          </Descriptions.Item>
        )}
        <Descriptions.Item label="编号">
          <span className="muted small">{detail.id}</span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={2} className="section-title">
        建议内容
      </Typography.Title>
      <Typography.Paragraph className="suggestion-content">{detail.content}</Typography.Paragraph>
      {detail.urges.length > 0 && (
        <>
          <Typography.Title level={2} className="section-title">
            催办记录
          </Typography.Title>
          {detail.urges.map((u, i) => (
            <Typography.Paragraph key={i} type="danger">
              {formatDateTime(u.urgedAt)} {userName(u.urgedBy)}：{u.note}
            </Typography.Paragraph>
          ))}
        </>
      )}
    </>
  );
}
