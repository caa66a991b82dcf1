import { given } from '../../../testing/given';
import {
  accepted,
  admin,
  assignedLead,
  coSigner,
  EDUCATION,
  HEALTH,
  leadDeputy,
  otherDeputy,
  soleHistory,
  staff,
  stamp,
  submitted,
  supervisor,
  T,
  TRANSPORT,
  unitUser,
} from '../../../testing/fixtures';
import { SYSTEM_ACTOR } from '../../../shared/actor';
import { mayRead } from './visibility.rule';

describe('mayRead (who may learn that a suggestion exists)', () => {
  it('lets nobody read a suggestion that does not exist', () => {
    expect(mayRead(given().state, staff)).toBe(false);
    expect(mayRead(given().state, SYSTEM_ACTOR)).toBe(false);
  });

  it('lets the lead deputy and co-signers read it, not another deputy', () => {
    const state = given(submitted()).state;
    expect(mayRead(state, leadDeputy)).toBe(true);
    expect(mayRead(state, coSigner)).toBe(true);
    expect(mayRead(state, otherDeputy)).toBe(false);
  });

  it('lets the offices read every suggestion, from its submission on', () => {
    const state = given(submitted()).state;
    for (const actor of [staff, supervisor, admin, SYSTEM_ACTOR]) expect(mayRead(state, actor)).toBe(true);
  });

  it('lets a unit read only what it handles, lead or co-handler, from the moment it is assigned', () => {
    expect(mayRead(given(submitted(), accepted()).state, unitUser(TRANSPORT))).toBe(false);
    const state = given(submitted(), accepted(), assignedLead(TRANSPORT, EDUCATION)).state;
    expect(mayRead(state, unitUser(TRANSPORT))).toBe(true);
    expect(mayRead(state, unitUser(EDUCATION))).toBe(true);
    expect(mayRead(state, unitUser(HEALTH))).toBe(false);
    expect(mayRead(state, { userId: 'orphan', role: 'unit' })).toBe(false);
  });

  it('keeps a returned unit able to read what it once handled, as the read model does', () => {
    const returned = given(
      ...soleHistory(),
      stamp({ type: 'ReturnRequested', data: { unitId: TRANSPORT, reason: '不属于本单位职责' } }, T.early, unitUser(TRANSPORT)),
      stamp({ type: 'ReturnApproved', data: { unitId: TRANSPORT, reason: '同意退回', assignDueAt: '2026-03-25T16:00:00.000Z' } }, T.early, staff),
    ).state;
    expect(returned.status).toBe('accepted');
    expect(mayRead(returned, unitUser(TRANSPORT))).toBe(true);
    expect(mayRead(returned, unitUser(EDUCATION))).toBe(false);
  });
});
