import { given } from '../../../testing/given';
import { coSigner, EDUCATION, leadDeputy, otherDeputy, soleHistory, stamp, staff, submitted, supervisor, SUGGESTION_ID, T, TRANSPORT, unitUser } from '../../../testing/fixtures';
import { SYSTEM_ACTOR as SYSTEM } from '../../../shared/actor';
import { NATIONAL_RULEBOOK } from '../../../rulebook/presets';
import { AttachmentRef } from '../../values';
import { SuggestionCommand } from '../../commands';

const file = (n: number): AttachmentRef => ({ attachmentId: `${SUGGESTION_ID}_${String(n).padStart(16, '0')}`, sha256: String(n).repeat(64).slice(0, 64), name: `答复函${n}.pdf`, size: 100 + n, contentType: 'application/pdf' });
const add = (n: number) => ({ type: 'AddAttachment', data: file(n) }) as const;
const transport = unitUser(TRANSPORT);
const letterAdded = (n: number, at: string = T.early) => stamp({ type: 'AttachmentAdded', data: { ...file(n), kind: 'letter' } }, at, transport);
const answer = (attachmentIds?: string[]): SuggestionCommand => ({
  type: 'AnswerSuggestion',
  data: { category: 'A', content: '已解决。', signedBy: '局长', commitments: [], ...(attachmentIds ? { attachmentIds } : {}) },
});

describe('AddAttachment (上传附件)', () => {
  it('deputies and staff add materials; a unit of the assignment adds a letter', () => {
    for (const actor of [leadDeputy, coSigner, staff]) {
      given(...soleHistory()).when(add(1), { now: T.early, actor }).then([{ type: 'AttachmentAdded', data: { ...file(1), kind: 'material' } }]);
    }
    given(...soleHistory()).when(add(1), { now: T.early, actor: transport }).then([{ type: 'AttachmentAdded', data: { ...file(1), kind: 'letter' } }]);
    given(submitted()).when(add(1), { now: T.early, actor: leadDeputy }).then([{ type: 'AttachmentAdded', data: { ...file(1), kind: 'material' } }]);
  });

  it('is refused to supervisors, other deputies and units not assigned', () => {
    for (const actor of [supervisor, otherDeputy, unitUser(EDUCATION)]) {
      given(...soleHistory()).when(add(1), { now: T.early, actor }).thenThrows('attachment.not_allowed', 'forbidden');
    }
  });

  it('adds each attachment once, and only with an id of this suggestion', () => {
    given(...soleHistory(), letterAdded(1)).when(add(1), { now: T.early, actor: transport }).then([]);
    const foreign = { type: 'AddAttachment', data: { ...file(2), attachmentId: 'other_0000000000000002' } } as const;
    given(...soleHistory()).when(foreign, { now: T.early, actor: staff }).thenThrows('attachment.wrong_suggestion', 'invalid', 'attachmentId');
  });
});

describe('answering with letters', () => {
  it('records each letter with its sha256; the letter is no longer pending', () => {
    const story = given(...soleHistory(), letterAdded(1)).when(answer([file(1).attachmentId]), { now: T.answered, actor: transport });
    expect(story.events()[0]).toMatchObject({ type: 'SuggestionAnswered', data: { letters: [file(1)] } });
    const state = story.thenState();
    expect(state.status !== 'none' && state.attachments?.[0]?.answeredRound).toBe(1);
  });

  it('refuses a letter that is not this unit’s, a material, or unknown', () => {
    const material = stamp({ type: 'AttachmentAdded', data: { ...file(2), kind: 'material' } }, T.early, leadDeputy);
    given(...soleHistory(), material).when(answer([file(2).attachmentId]), { now: T.answered, actor: transport }).thenThrows('answer.letter_not_usable', 'invalid', 'attachmentIds.0');
    given(...soleHistory()).when(answer([file(3).attachmentId]), { now: T.answered, actor: transport }).thenThrows('answer.letter_not_found', 'invalid', 'attachmentIds.0');
  });

  it('a preset may require a letter with every answer', () => {
    const strict = { ...NATIONAL_RULEBOOK, answerRequiresLetter: true };
    given(...soleHistory()).when(answer(), { now: T.answered, actor: transport, rulebook: strict }).thenThrows('answer.letter_required', 'invalid', 'attachmentIds');
    expect(given(...soleHistory(), letterAdded(1)).when(answer([file(1).attachmentId]), { now: T.answered, actor: transport, rulebook: strict }).events()).toHaveLength(1);
    expect(NATIONAL_RULEBOOK.answerRequiresLetter).toBe(false);
  });
});

describe('DiscardAttachment (清理未使用的答复函)', () => {
  const discard = (before: string) => ({ type: 'DiscardAttachment', data: { attachmentId: file(1).attachmentId, uploadedBefore: before } }) as const;

  it('discards a pending letter older than the cut-off, once; never a used one; system only', () => {
    const story = given(...soleHistory(), letterAdded(1)).when(discard(T.answered), { now: T.answered, actor: SYSTEM });
    story.then([{ type: 'AttachmentDiscarded', data: { attachmentId: file(1).attachmentId, sha256: file(1).sha256 } }]);
    given(...soleHistory(), letterAdded(1)).when(discard(T.assigned), { now: T.answered, actor: SYSTEM }).then([]);
    const used = stamp({ type: 'SuggestionAnswered', data: { unitId: TRANSPORT, round: 1, category: 'A', content: '已解决。', signedBy: '局长', commitments: [], onTime: true, letters: [file(1)] } }, T.answered, transport);
    given(...soleHistory(), letterAdded(1), used).when(discard(T.rated), { now: T.rated, actor: SYSTEM }).then([]);
    given(...soleHistory(), letterAdded(1)).when(discard(T.answered), { now: T.answered, actor: staff }).thenThrows('attachment.discard_system_only', 'forbidden');
  });
});
