import type { SuggestionDetail } from '../../api/types';
import { AuditChainBadge } from '../../components/audit-chain-badge';
import { SuggestionPage } from '../shared/suggestion-page';
import { AssignAction } from './assign-action';
import {
  AcceptAction,
  CloseAction,
  DecideRequestAction,
  ExemptAction,
  PublishAction,
  RejectAction,
} from './staff-actions';

/** Published once at least one answer exists; exempting also withdraws a publication. */
function disclosureActions(d: SuggestionDetail) {
  const answered = 'assignment' in d && !!d.assignment?.units.some((u) => u.answers.length > 0);
  const status = d.disclosure?.status ?? 'unpublished';
  return { canPublish: answered && status !== 'published' && status !== 'exempt', canExempt: status !== 'exempt' && d.status !== 'withdrawn' };
}

export function StaffSuggestionPage() {
  const actions = (d: SuggestionDetail, reload: () => void) => {
    const assignment = 'assignment' in d ? d.assignment : undefined;
    return (
      <>
        {d.status === 'submitted' && (
          <>
            <AcceptAction detail={d} onDone={reload} />
            <RejectAction detail={d} onDone={reload} />
          </>
        )}
        {d.status === 'accepted' && <AssignAction detail={d} onDone={reload} again={d.previousAssignments.length > 0} />}
        {d.status === 'accepted' && d.groupId && d.group?.primarySuggestionId === d.id && (
          <AssignAction detail={d} onDone={reload} groupId={d.groupId} />
        )}
        {assignment?.pendingReturn && <DecideRequestAction detail={d} kind="return" onDone={reload} />}
        {assignment?.pendingExtension && <DecideRequestAction detail={d} kind="extension" onDone={reload} />}
        {d.status === 'rated' && <CloseAction detail={d} onDone={reload} />}
        {disclosureActions(d).canPublish && <PublishAction detail={d} onDone={reload} />}
        {disclosureActions(d).canExempt && d.status !== 'submitted' && <ExemptAction detail={d} onDone={reload} />}
      </>
    );
  };
  return (
    <SuggestionPage
      backTo="/staff"
      backText="登记交办"
      actions={actions}
      extra={(d) => <AuditChainBadge id={d.id} revision={d.revision} />}
    />
  );
}
