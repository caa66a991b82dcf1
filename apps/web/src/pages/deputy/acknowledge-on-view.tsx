import { useEffect, useRef } from 'react';
import { commands } from '../../api/suggestions-api';
import type { SuggestionDetail } from '../../api/types';
import { allows } from '../../lib/allowed-actions';

/**
 * 送达: when the lead deputy has the answers in front of them, the page tells the server once (the
 * feedback window may run from this receipt). Viewing is what counts, so there is no button; the
 * server records it only the first time, and a failure only means it is sent on the next view.
 */
export function AcknowledgeOnView({ detail, onDone }: { detail: SuggestionDetail; onDone: () => void }) {
  const sent = useRef<string | null>(null);
  const due = allows(detail, 'acknowledgeAnswer');
  useEffect(() => {
    const key = `${detail.id}@${detail.revision}`;
    if (!due || sent.current === key) return;
    sent.current = key;
    commands.acknowledgeAnswer(detail.id).then(onDone, () => undefined);
  }, [due, detail.id, detail.revision, onDone]);
  return null;
}
