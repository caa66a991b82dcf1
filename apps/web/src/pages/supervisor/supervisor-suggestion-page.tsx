import type { SuggestionDetail } from '../../api/types';
import { AuditChainBadge } from '../../components/audit-chain-badge';
import { allows } from '../../lib/allowed-actions';
import { SuggestionPage } from '../shared/suggestion-page';
import { SuperviseAction, UrgeAction } from './supervision-actions';

export function SupervisorSuggestionPage() {
  const actions = (d: SuggestionDetail, reload: () => void) => (
    <>
      {allows(d, 'urge') && <UrgeAction id={d.id} revision={d.revision} onDone={reload} />}
      {allows(d, 'supervise') && <SuperviseAction id={d.id} revision={d.revision} onDone={reload} />}
    </>
  );
  return (
    <SuggestionPage
      backTo="/supervisor/audit"
      backText="过程审计"
      actions={actions}
      extra={(d) => <AuditChainBadge id={d.id} revision={d.revision} />}
    />
  );
}
