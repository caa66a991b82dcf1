import { formatSuggestionNumber } from '@duban/domain/labels';
import type { ReactNode } from 'react';
import { Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { fetchSuggestion, fetchTimeline } from '../../api/suggestions-api';
import type { SuggestionDetail } from '../../api/types';
import { AttachmentsSection } from '../../components/attachment-files';
import { CommitmentsTable } from '../../components/commitments-table';
import { LoadState } from '../../components/load-state';
import { usePageTitle } from '../../components/page-title';
import { SuggestionFacts } from '../../components/suggestion-facts';
import { SuggestionTimeline } from '../../components/suggestion-timeline';
import { UnitHandlingSection } from '../../components/unit-handling';
import { useLive, useLiveRefresh } from '../../live/live-context';
import { useAsync } from '../../lib/use-async';
import { allows } from '../../lib/allowed-actions';
import { useUser } from '../../auth/auth-context';
import type { Commitment } from '../../api/types';
import { fetchSimilar } from '../../api/routing-api';
import { SimilarSuggestionList } from '../../components/similar-suggestions';
import { suggestionPathFor } from '../../lib/suggestion-path';
import { DeputyContactsCard } from '../../components/deputy-contacts';
import type { Role } from '../../api/types';

/** Who is shown the deputies' numbers (the api's rule): the units handling it, staff and admins. */
const SEES_DEPUTY_PHONES: readonly Role[] = ['unit', 'staff', 'admin'];

export interface SuggestionPageProps {
  backTo: string;
  backText: string;
  /** The commands this role may send now; `reload` refetches after one succeeds. */
  actions?: (detail: SuggestionDetail, reload: () => void) => ReactNode;
  commitmentAction?: (commitment: Commitment, detail: SuggestionDetail, reload: () => void) => ReactNode;
  /** Shown beside the back button, e.g. the audit chain verdict. */
  extra?: (detail: SuggestionDetail) => ReactNode;
}

/**
 * One suggestion as every role sees it: facts, each unit's part, commitments, the timeline, and
 * the role's actions. It refetches when the live stream says this suggestion changed.
 */
export function SuggestionPage({ backTo, backText, actions, commitmentAction, extra }: SuggestionPageProps) {
  const { id = '' } = useParams();
  const detail = useAsync(() => fetchSuggestion(id), [id]);
  const timeline = useAsync(() => fetchTimeline(id), [id]);
  const similar = useAsync(() => fetchSimilar(id), [id]);
  const { connected } = useLive();
  const user = useUser();
  const d = detail.data;
  const reload = () => {
    detail.reload();
    timeline.reload();
  };
  useLiveRefresh(reload, id);
  usePageTitle(d ? `建议：${d.title}` : '建议详情');

  return (
    <div className="page">
      <Space className="gap-bottom" wrap>
        <Link to={backTo}>
          <Button icon={<ArrowLeftOutlined />}>{backText}</Button>
        </Link>
        <Tag color={connected ? 'green' : 'default'} data-testid="live-state">
          {connected ? '实时更新' : '未连接实时更新'}
        </Tag>
        {d && extra?.(d)}
      </Space>
      <LoadState loading={detail.loading} error={detail.error} hasData={!!d} reload={detail.reload}>
        {d && (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={15}>
              <Card
                title={
                  <Typography.Title level={1} className="detail-title" data-testid="detail-title">
                    {d.number !== undefined && <span className="suggestion-number">{formatSuggestionNumber(d.number)} </span>}
                    {d.title}
                  </Typography.Title>
                }
                data-revision={d.revision}
                data-status={d.status}
                data-testid="suggestion-detail"
              >
                {actions && (
                  <div className="action-bar" data-testid="actions">
                    <Space wrap>{actions(d, reload)}</Space>
                  </div>
                )}
                <SuggestionFacts detail={d} />
                <Typography.Title level={2} className="section-title">
                  办理情况
                </Typography.Title>
                <UnitHandlingSection detail={d} />
                {d.commitments.length > 0 && (
                  <>
                    <Typography.Title level={2} className="section-title">
                      承诺事项
                    </Typography.Title>
                    <CommitmentsTable
                      commitments={d.commitments}
                      due={d.due}
                      action={commitmentAction ? (c) => commitmentAction(c, d, reload) : undefined}
                    />
                  </>
                )}
                <Typography.Title level={2} className="section-title">
                  附件
                </Typography.Title>
                <AttachmentsSection
                  attachments={d.attachments}
                  suggestionId={d.id}
                  canUpload={allows(d, 'attachments')}
                  hidePendingLetters={user.role === 'deputy'}
                  onChanged={reload}
                />
              </Card>
            </Col>
            <Col xs={24} lg={9}>
              {SEES_DEPUTY_PHONES.includes(user.role) && <DeputyContactsCard suggestionId={d.id} />}
              <Card title="办理过程" className={SEES_DEPUTY_PHONES.includes(user.role) ? 'gap-top' : undefined}>
                <LoadState loading={timeline.loading} error={timeline.error} hasData={!!timeline.data} reload={timeline.reload}>
                  {timeline.data && <SuggestionTimeline entries={timeline.data} />}
                </LoadState>
              </Card>
              <Card title="相似建议（办理一件、解决一类）" className="gap-top" data-testid="similar-card">
                <LoadState loading={similar.loading} error={similar.error} hasData={!!similar.data} reload={similar.reload}>
                  {similar.data && <SimilarSuggestionList items={similar.data} pathOf={(other) => suggestionPathFor(user.role, other)} />}
                </LoadState>
              </Card>
            </Col>
          </Row>
        )}
      </LoadState>
    </div>
  );
}
