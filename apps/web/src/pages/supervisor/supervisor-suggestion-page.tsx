import type { SuggestionDetail } from '../../api/types';
import { AuditChainBadge } from '../../components/audit-chain-badge';
import { SuggestionPage } from '../shared/suggestion-page';
import { SuperviseAction, UrgeAction } from './supervision-actions';

// Urging makes sense while units still owe something.
const URGEABLE = new Set(['accepted', 'assigned', 'rehandling', 'answered', 'rated']);
const FINAL = new Set(['rejected', 'withdrawn', 'closed']);

export function SupervisorSuggestionPage() {
  const actions = (d: SuggestionDetail, reload: () => void) => (
    <>
      {URGEABLE.has(d.status) && <UrgeAction id={d.id} revision={d.revision} onDone={reload} />}
      {!d.keySupervision && !FINAL.has(d.status) && <SuperviseAction id={d.id} revision={d.revision} onDone={reload} />}
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
