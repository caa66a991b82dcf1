import { useUser } from '../../auth/auth-context';
import type { SuggestionDetail } from '../../api/types';
import { useDirectory } from '../../layout/directory-context';
import { SuggestionPage } from '../shared/suggestion-page';
import { RateAction } from './rate-action';
import { WithdrawAction } from './withdraw-action';

// Before an answer, the deputy may still take the suggestion back.
const WITHDRAWABLE = new Set(['submitted', 'accepted', 'assigned']);

export function DeputySuggestionPage() {
  const user = useUser();
  const { unitName } = useDirectory();

  const actions = (d: SuggestionDetail, reload: () => void) => {
    const isLead = d.leadDeputyId === user.id;
    const assignment = 'assignment' in d ? d.assignment : undefined;
    // Only the lead deputy rates (for all signers); each answering unit that awaits a rating gets a button.
    const toRate = isLead && assignment ? assignment.units.filter((u) => u.role !== 'co' && u.stage === 'answered') : [];
    return (
      <>
        {toRate.map((u) => (
          <RateAction
            key={u.unitId}
            detail={d}
            unitId={u.unitId}
            unitName={unitName(u.unitId)}
            separate={assignment?.mode === 'separate'}
            onDone={reload}
          />
        ))}
        {isLead && WITHDRAWABLE.has(d.status) && <WithdrawAction detail={d} onDone={reload} />}
      </>
    );
  };
  return <SuggestionPage backTo="/deputy" backText="我的建议" actions={actions} />;
}
