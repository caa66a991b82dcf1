import type { SuggestionDetail } from '../../api/types';
import { useDirectory } from '../../layout/directory-context';
import { allows } from '../../lib/allowed-actions';
import { SuggestionPage } from '../shared/suggestion-page';
import { AcknowledgeOnView } from './acknowledge-on-view';
import { RateAction } from './rate-action';
import { RateCommitmentsAction } from './rate-commitments-action';
import { WithdrawAction } from './withdraw-action';

export function DeputySuggestionPage() {
  const { unitName } = useDirectory();

  const actions = (d: SuggestionDetail, reload: () => void) => {
    const assignment = 'assignment' in d ? d.assignment : undefined;
    // When the server allows rating, each answering unit whose answer awaits a rating gets a button.
    const toRate = allows(d, 'rate') && assignment ? assignment.units.filter((u) => u.role !== 'co' && u.stage === 'answered') : [];
    return (
      <>
        <AcknowledgeOnView detail={d} onDone={reload} />
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
        {allows(d, 'rateCommitments') &&
          (assignment?.units ?? [])
            .filter((u) => u.role !== 'co' && !u.commitmentRating && d.commitments.some((c) => c.unitId === u.unitId))
            .map((u) => (
              <RateCommitmentsAction
                key={`c-${u.unitId}`}
                detail={d}
                unitId={u.unitId}
                unitName={unitName(u.unitId)}
                separate={assignment?.mode === 'separate'}
                onDone={reload}
              />
            ))}
        {allows(d, 'withdraw') && <WithdrawAction detail={d} onDone={reload} />}
      </>
    );
  };
  return <SuggestionPage backTo="/deputy" backText="我的建议" actions={actions} />;
}
