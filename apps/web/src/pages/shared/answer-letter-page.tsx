import { Button, Result, Space } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { fetchSuggestion } from '../../api/suggestions-api';
import type { SuggestionDetail, UnitHandling } from '../../api/types';
import { AttachmentList } from '../../components/attachment-files';
import { LoadState } from '../../components/load-state';
import { usePageTitle } from '../../components/page-title';
import { useDirectory } from '../../layout/directory-context';
import { inShanghai } from '../../lib/time';
import { useAsync } from '../../lib/use-async';

/** 2026年12月6日: the date as an official letter writes it. */
const letterDate = (iso: string) => inShanghai(iso).format('YYYY年M月D日');

function findAnswer(detail: SuggestionDetail, unitId: string, round: number): { unit: UnitHandling; answer: UnitHandling['answers'][number] } | null {
  const assignments = [...('assignment' in detail && detail.assignment ? [detail.assignment] : []), ...detail.previousAssignments];
  for (const assignment of assignments) {
    const units = [...assignment.units, ...(assignment.transfers ?? []).map((t) => t.unit)];
    const unit = units.find((u) => u.unitId === unitId);
    const answer = unit?.answers.find((a) => a.round === round);
    if (unit && answer) return { unit, answer };
  }
  return null;
}

/**
 * 答复函 as a printable A4 letter: the unit's reply to the deputies, laid out as the official letter
 * (addressee, category, content, commitments with dates, signer, date, the signed files attached).
 * The browser prints it (or saves it as PDF) with everything but the letter hidden (styles.css, @media print).
 */
export function AnswerLetterPage() {
  const { id = '', unitId = '', round = '1' } = useParams();
  const navigate = useNavigate();
  const directory = useDirectory();
  const detail = useAsync(() => fetchSuggestion(id), [id]);
  const d = detail.data;
  const found = d ? findAnswer(d, unitId, Number(round)) : null;
  usePageTitle(d ? `答复函：${d.title}` : '答复函');

  return (
    <div className="page letter-page">
      <Space className="gap-bottom no-print" wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          返回
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!found} data-testid="print">
          打印 / 另存为 PDF
        </Button>
      </Space>
      <LoadState loading={detail.loading} error={detail.error} hasData={!!d} reload={detail.reload}>
        {d && !found && <Result status="404" title="没有这次答复" />}
        {d && found && (
          <article className="letter-sheet" data-testid="letter-sheet">
            <div className="letter-category">{found.answer.category} 类</div>
            <h1 className="letter-title">
              {directory.unitName(unitId)}
              <br />
              关于《{d.title}》的答复
            </h1>
            <p className="letter-salutation">
              {[d.leadDeputyId, ...d.coSignerIds].map((u) => directory.userName(u)).join('、')}代表：
            </p>
            <p className="letter-lead">
              您{d.coSignerIds.length > 0 ? '们' : ''}提出的《{d.title}》（{directory.categoryLabel(found.answer.category)}）收悉。现答复如下：
            </p>
            {found.answer.content.split(/\n+/).map((paragraph, i) => (
              <p key={i} className="letter-paragraph">
                {paragraph}
              </p>
            ))}
            {found.answer.commitmentIds.length > 0 && (
              <>
                <p className="letter-paragraph">我单位承诺：</p>
                <ol className="letter-commitments">
                  {d.commitments
                    .filter((c) => found.answer.commitmentIds.includes(c.commitmentId))
                    .map((c) => (
                      <li key={c.commitmentId}>
                        {c.description}（{letterDate(c.dueAt)}前完成）
                      </li>
                    ))}
                </ol>
              </>
            )}
            <p className="letter-paragraph">感谢您对我们工作的关心和支持，欢迎继续提出意见和建议。</p>
            <div className="letter-signature">
              <div>{directory.unitName(unitId)}</div>
              <div>签发人：{found.answer.signedBy}</div>
              <div>{letterDate(found.answer.answeredAt)}</div>
            </div>
            <div className="letter-footer">
              <div>
                联系单位：{directory.unitName(unitId)} · 第 {found.answer.round} 次答复{found.unit.role === 'lead' ? '（主办）' : ''}
              </div>
              <div>抄送：人大常委会代表工作机构</div>
              <div className="muted">建议编号 {d.id}</div>
            </div>
            {found.answer.letters && found.answer.letters.length > 0 && (
              <div className="letter-files">
                <div>附：盖章签发的答复函文件（以下文件的 SHA-256 记入答复记录）</div>
                <AttachmentList files={found.answer.letters} via={d.id} />
              </div>
            )}
          </article>
        )}
      </LoadState>
    </div>
  );
}
