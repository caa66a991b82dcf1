import type { SuggestionDetail } from '../../api/types';
import { AuditChainBadge } from '../../components/audit-chain-badge';
import { allows } from '../../lib/allowed-actions';
import { SuggestionPage } from '../shared/suggestion-page';
import { AssignAction } from './assign-action';
import { TransferAction } from './transfer-action';
import {
  AcceptAction,
  CloseAction,
  DecideRequestAction,
  ExemptAction,
  PublishAction,
  RehandleAction,
  RejectAction,
} from './staff-actions';

export function StaffSuggestionPage() {
  // Each button exactly when the server allows its command; the group's (并案) joint assignment is
  // offered on the group's primary suggestion, the one its members were grouped under.
  const actions = (d: SuggestionDetail, reload: () => void) => (
    <>
      {allows(d, 'accept') && <AcceptAction detail={d} onDone={reload} />}
      {allows(d, 'reject') && <RejectAction detail={d} onDone={reload} />}
      {allows(d, 'assign') && <AssignAction detail={d} onDone={reload} again={d.previousAssignments.length > 0} />}
      {allows(d, 'assign') && d.groupId && d.group?.primarySuggestionId === d.id && (
        <AssignAction detail={d} onDone={reload} groupId={d.groupId} />
      )}
      {allows(d, 'decideReturn') && <DecideRequestAction detail={d} kind="return" onDone={reload} />}
      {allows(d, 'transfer') && <TransferAction detail={d} onDone={reload} />}
      {allows(d, 'decideExtension') && <DecideRequestAction detail={d} kind="extension" onDone={reload} />}
      {allows(d, 'rehandle') && <RehandleAction detail={d} onDone={reload} />}
      {allows(d, 'close') && <CloseAction detail={d} onDone={reload} />}
      {allows(d, 'publish') && <PublishAction detail={d} onDone={reload} />}
      {allows(d, 'exempt') && <ExemptAction detail={d} onDone={reload} />}
    </>
  );
  return (
    <SuggestionPage
      backTo="/staff"
      backText="登记交办"
      actions={actions}
      extra={(d) => <AuditChainBadge id={d.id} revision={d.revision} />}
    />
  );
}
