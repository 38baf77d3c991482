import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { actionKeys, markGoodPractice, unmarkGoodPractice, type Action } from '../api/actions-api';

/**
 * A coordinator holds an approved action up as a good practice of their
 * network, or stops doing so; the outcome is announced.
 */
export function GoodPracticeToggle({
  action,
  network,
  networkName,
}: {
  action: Action;
  network: string;
  networkName: string;
}): ReactNode {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const marked = action.goodPracticeIn.includes(network);
  if (action.review.publishedAt === null) return null;
  const toggle = async (): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      if (marked) await unmarkGoodPractice(network, action.id);
      else await markGoodPractice(network, action.id, null);
      setMessage({
        text: t(marked ? 'actions.goodPractice.unmarked' : 'actions.goodPractice.marked', {
          network: networkName,
        }),
        error: false,
      });
      await client.invalidateQueries({ queryKey: actionKeys.all });
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : String(err), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="action-card__controls">
      <button
        type="button"
        className="button button--secondary"
        aria-pressed={marked}
        disabled={busy}
        onClick={() => void toggle()}
      >
        {t('actions.goodPractice.toggle', { network: networkName })}
        <span className="visually-hidden"> ({action.title})</span>
      </button>
      <span role={message?.error === true ? 'alert' : 'status'} className="small">
        {message?.text}
      </span>
    </div>
  );
}
