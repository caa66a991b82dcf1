import { useUser } from '../../auth/auth-context';
import type { SuggestionDetail } from '../../api/types';
import { SuggestionPage } from '../shared/suggestion-page';
import { AnswerAction } from './answer-action';
import {
  CoOpinionAction,
  ContactAction,
  FulfilCommitmentAction,
  RequestExtensionAction,
  RequestReturnAction,
} from './simple-unit-actions';

function ownPart(d: SuggestionDetail, unitId: string | undefined) {
  if (!('assignment' in d) || !d.assignment || d.status === 'withdrawn') return undefined;
  return d.assignment.units.find((u) => u.unitId === unitId);
}

export function UnitSuggestionPage() {
  const user = useUser();

  const actions = (d: SuggestionDetail, reload: () => void) => {
    const part = ownPart(d, user.unitId);
    if (!part || (part.stage !== 'handling' && part.stage !== 'rehandling')) return null;
    const assignment = 'assignment' in d ? d.assignment : undefined;
    const pending = !!assignment?.pendingReturn || !!assignment?.pendingExtension;
    return (
      <>
        {part.role === 'co' ? (
          !part.coOpinion && <CoOpinionAction detail={d} onDone={reload} />
        ) : (
          <>
            <AnswerAction detail={d} round={part.stage === 'rehandling' ? part.round : 1} onDone={reload} />
            {/* 并案: the group is answered from its primary suggestion; re-handling is per suggestion. */}
            {part.stage === 'handling' && d.groupId && d.group?.primarySuggestionId === d.id && (
              <AnswerAction detail={d} round={1} onDone={reload} groupId={d.groupId} />
            )}
          </>
        )}
        <ContactAction detail={d} onDone={reload} />
        {part.stage === 'handling' && part.round <= 1 && !pending && <RequestReturnAction detail={d} onDone={reload} />}
        {part.role !== 'co' && !pending && <RequestExtensionAction detail={d} onDone={reload} />}
      </>
    );
  };

  const commitmentAction = (c: SuggestionDetail['commitments'][number], d: SuggestionDetail, reload: () => void) =>
    c.unitId === user.unitId && !c.fulfilledAt ? (
      <FulfilCommitmentAction detail={d} commitmentId={c.commitmentId} onDone={reload} />
    ) : null;

  return <SuggestionPage backTo="/unit" backText="待办" actions={actions} commitmentAction={commitmentAction} />;
}
