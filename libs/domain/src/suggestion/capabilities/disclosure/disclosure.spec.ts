import { given } from '../../../testing/given';
import {
  admin,
  answeredSoleHistory,
  leadDeputy,
  soleHistory,
  stamp,
  staff,
  submitted,
  supervisor,
  T,
  TRANSPORT,
  unitUser,
} from '../../../testing/fixtures';
import { ExemptionReason } from '../../values';

const publish = { type: 'PublishAnswer', data: {} } as const;
const exempt = (reason: ExemptionReason, note?: string) => ({ type: 'ExemptFromDisclosure', data: { reason, ...(note !== undefined ? { note } : {}) } }) as const;
const asStaff = { now: T.rated, actor: staff };
const published = stamp({ type: 'AnswerPublished', data: {} }, T.rated, staff);
const exempted = stamp({ type: 'DisclosureExempted', data: { reason: 'privacy' } }, T.rated, staff);

describe('PublishAnswer (公开)', () => {
  it('publishes an answered suggestion', () => {
    const story = given(...answeredSoleHistory()).when(publish, asStaff);
    story.then([{ type: 'AnswerPublished', data: {} }]);
    expect(story.thenState()).toMatchObject({ status: 'answered', disclosure: { status: 'published', at: T.rated } });
  });

  it('starts unpublished', () => {
    expect(given(submitted()).state).toMatchObject({ disclosure: { status: 'unpublished' } });
  });

  it('is for staff and admins only', () => {
    given(...answeredSoleHistory()).when(publish, { now: T.rated, actor: admin }).then([{ type: 'AnswerPublished', data: {} }]);
    for (const actor of [leadDeputy, supervisor, unitUser(TRANSPORT)]) {
      given(...answeredSoleHistory()).when(publish, { now: T.rated, actor }).thenThrows('disclosure.only_staff', 'forbidden');
    }
  });

  it('needs at least one answer', () => {
    given(...soleHistory()).when(publish, asStaff).thenThrows('disclosure.not_answered', 'conflict');
    given(submitted()).when(publish, asStaff).thenThrows('disclosure.not_answered', 'conflict');
  });

  it('is refused when exempt, and when already published', () => {
    given(...answeredSoleHistory(), exempted).when(publish, asStaff).thenThrows('disclosure.exempt', 'conflict');
    given(...answeredSoleHistory(), published).when(publish, asStaff).thenThrows('disclosure.already_published', 'conflict');
  });
});

describe('ExemptFromDisclosure (不予公开)', () => {
  it.each(['state_secret', 'commercial_secret', 'privacy', 'deputy_request'] as const)('records the reason %s, with an optional note', (reason) => {
    const story = given(submitted()).when(exempt(reason, ' 代表书面申请 '), asStaff);
    story.then([{ type: 'DisclosureExempted', data: { reason, note: '代表书面申请' } }]);
    expect(story.thenState()).toMatchObject({ disclosure: { status: 'exempt', reason, note: '代表书面申请', at: T.rated } });
  });

  it('leaves out a blank note', () => {
    given(submitted()).when(exempt('privacy', '  '), asStaff).then([{ type: 'DisclosureExempted', data: { reason: 'privacy' } }]);
  });

  it('withdraws an earlier publication: exemption wins', () => {
    const story = given(...answeredSoleHistory(), published).when(exempt('state_secret'), asStaff);
    expect(story.thenState()).toMatchObject({ disclosure: { status: 'exempt', reason: 'state_secret' } });
  });

  it('refuses another reason, other roles, and a second exemption', () => {
    given(submitted()).when(exempt('too_long' as ExemptionReason), asStaff).thenThrows('disclosure.invalid_reason', 'invalid', 'reason');
    given(submitted()).when(exempt('privacy'), { now: T.rated, actor: leadDeputy }).thenThrows('disclosure.only_staff', 'forbidden');
    given(submitted(), exempted).when(exempt('state_secret'), asStaff).thenThrows('disclosure.already_exempt', 'conflict');
  });
});
