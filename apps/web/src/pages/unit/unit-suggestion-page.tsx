import { useUser } from '../../auth/auth-context';
import type { SuggestionDetail } from '../../api/types';
import { allows } from '../../lib/allowed-actions';
import { SuggestionPage } from '../shared/suggestion-page';
import { AnswerAction } from './answer-action';
import {
  CoOpinionAction,
  ContactAction,
  FulfilCommitmentAction,
  RequestExtensionAction,
  RequestReturnAction,
} from './simple-unit-actions';

/** This unit's part, for the words on the buttons (第几次答复); whether a button shows is the server's call. */
function ownPart(d: SuggestionDetail, unitId: string | undefined) {
  if (!('assignment' in d) || !d.assignment) return undefined;
  return d.assignment.units.find((u) => u.unitId === unitId);
}

export function UnitSuggestionPage() {
  const user = useUser();

  const actions = (d: SuggestionDetail, reload: () => void) => {
    const part = ownPart(d, user.unitId);
    const rehandling = part?.stage === 'rehandling';
    return (
      <>
        {allows(d, 'coOpinion') && <CoOpinionAction detail={d} onDone={reload} />}
        {allows(d, 'answer') && <AnswerAction detail={d} round={rehandling ? (part?.round ?? 1) : 1} onDone={reload} />}
        {/* 并案: the group is answered from its primary suggestion; re-handling is per suggestion. */}
        {allows(d, 'answer') && !rehandling && d.groupId && d.group?.primarySuggestionId === d.id && (
          <AnswerAction detail={d} round={1} onDone={reload} groupId={d.groupId} />
        )}
        {allows(d, 'contact') && <ContactAction detail={d} onDone={reload} />}
        {allows(d, 'requestReturn') && <RequestReturnAction detail={d} onDone={reload} />}
        {allows(d, 'requestExtension') && <RequestExtensionAction detail={d} onDone={reload} />}
      </>
    );
  };

  const commitmentAction = (c: SuggestionDetail['commitments'][number], d: SuggestionDetail, reload: () => void) =>
    // The server allows fulfilling when this unit has an open commitment; the button goes on those.
    allows(d, 'fulfilCommitment') && c.unitId === user.unitId && !c.fulfilledAt ? (
      <FulfilCommitmentAction detail={d} commitmentId={c.commitmentId} onDone={reload} />
    ) : null;

  return <SuggestionPage backTo="/unit" backText="待办" actions={actions} commitmentAction={commitmentAction} />;
}
