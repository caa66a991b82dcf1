import { given } from '../testing/given';
import {
  accepted,
  answered,
  answeredSoleHistory,
  assignedSeparate,
  coSigner,
  EDUCATION,
  FEEDBACK_DUE_AT,
  leadDeputy,
  rated,
  stamp,
  staff,
  submitted,
  SUGGESTION_ID,
  T,
  TRANSPORT,
} from '../testing/fixtures';
import { contacted } from '../testing/more-events';
import { publicView } from './public-view';

const published = (at: string = T.rated) => stamp({ type: 'AnswerPublished', data: {} }, at, staff);
const exempted = stamp({ type: 'DisclosureExempted', data: { reason: 'commercial_secret', note: '涉及企业报价' } }, T.rerated, staff);
const hiddenSubmission = () => {
  const event = submitted();
  if (event.type !== 'SuggestionSubmitted') throw new Error('fixture changed');
  return { ...event, data: { ...event.data, hideDeputyName: true } };
};

describe('publicView (公开内容)', () => {
  it('is null until published', () => {
    expect(publicView({ status: 'none' })).toBeNull();
    expect(publicView(given(...answeredSoleHistory()).state)).toBeNull();
  });

  it('shows the title, content, deputies, units, status and the answers, nothing else', () => {
    const history = [
      ...answeredSoleHistory(),
      rated(TRANSPORT, 'dissatisfied', 'satisfied', { reason: '态度敷衍' }),
      published(),
    ];
    expect(publicView(given(...history).state)).toEqual({
      id: SUGGESTION_ID,
      title: '关于优化城区公交线路的建议',
      content: '建议增开连接新区与老城区的公交线路。',
      // A dissatisfied rating is a rating: rated until re-handling starts.
      status: 'rated',
      deputyIds: [leadDeputy.userId, coSigner.userId],
      unitIds: [TRANSPORT],
      answers: [{ unitId: TRANSPORT, round: 1, category: 'A', content: '已于四月开通新线路。', signedBy: '张局长', answeredAt: T.answered }],
      publishedAt: T.rated,
    });
  });

  it('hides the deputies when they asked', () => {
    const history = [hiddenSubmission(), ...answeredSoleHistory().slice(1), published()];
    expect(publicView(given(...history).state)).toMatchObject({ deputyIds: null, title: '关于优化城区公交线路的建议' });
  });

  it('shows every unit’s answers oldest first, and the ones given after publication too', () => {
    const history = [
      submitted(),
      accepted(),
      assignedSeparate(TRANSPORT, EDUCATION),
      contacted(TRANSPORT),
      answered(EDUCATION, { at: '2026-04-10T02:00:00.000Z' }),
      published('2026-04-11T02:00:00.000Z'),
      answered(TRANSPORT, { feedbackDueAt: FEEDBACK_DUE_AT }),
    ];
    expect(publicView(given(...history).state)?.answers.map((a) => [a.unitId, a.answeredAt])).toEqual([
      [EDUCATION, '2026-04-10T02:00:00.000Z'],
      [TRANSPORT, T.answered],
    ]);
  });

  it('is null again once exempted: nothing exempt leaks', () => {
    expect(publicView(given(...answeredSoleHistory(), published(), exempted).state)).toBeNull();
  });
});
