import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import { fetchSimilarPublished, type SimilarSuggestion } from '../../api/routing-api';
import { SimilarSuggestionList } from '../../components/similar-suggestions';

/** Waits for a pause in typing before asking. */
const PAUSE_MS = 600;
/** Fewer characters than this say too little about the subject to compare. */
const MIN_CHARS = 6;

/**
 * While a deputy writes: published suggestions on the same subject and how they were answered, so
 * a question already answered can be read first (or cited). Only published ones: anyone may read those.
 */
export function SimilarPublishedHint({ title, content }: { title: string; content: string }) {
  const [items, setItems] = useState<SimilarSuggestion[]>([]);
  const text = `${title.trim()}\n${content.trim()}`.trim();
  useEffect(() => {
    if (text.length < MIN_CHARS) {
      setItems([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      fetchSimilarPublished(text)
        .then((found) => current && setItems(found.slice(0, 5)))
        // A hint only: when it cannot be had, the form works as before.
        .catch(() => current && setItems([]));
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  if (items.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      className="gap-bottom"
      data-testid="similar-published"
      title="已公开的相似建议及答复，可先参阅"
      description={<SimilarSuggestionList items={items} pathOf={(id) => `/public/${id}`} testId="similar-published-list" />}
    />
  );
}
