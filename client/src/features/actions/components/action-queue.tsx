import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useLanguage } from '../../../lib/i18n/use-language';
import { actionKeys, actionStep, useActionQueue, type Action } from '../api/actions-api';
import { ActionCard } from './action-list';

/** Approve, or return with a comment (required), one submitted action. */
function Decision({
  action,
  onDone,
}: {
  action: Action;
  onDone: (text: string, error: boolean) => void;
}): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const decide = async (step: 'approve' | 'return'): Promise<void> => {
    if (step === 'return' && comment.trim() === '') {
      setMissing(true);
      document.getElementById(`${id}-comment`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await actionStep(
        action.id,
        step,
        action.etag,
        step === 'return' ? comment.trim() : undefined,
      );
      onDone(
        t(step === 'approve' ? 'actions.queue.approved' : 'actions.queue.returned', {
          title: action.title,
          city: action.cityName,
        }),
        false,
      );
    } catch (err) {
      onDone(err instanceof Error ? err.message : String(err), true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="action-decision">
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t('actions.queue.comment')}</label>
        <textarea
          className="textarea"
          id={`${id}-comment`}
          rows={2}
          value={comment}
          maxLength={2000}
          aria-invalid={missing}
          aria-describedby={missing ? `${id}-error` : undefined}
          onChange={(e) => {
            setComment(e.target.value);
            setMissing(false);
          }}
        />
        {missing && (
          <span id={`${id}-error`} className="field__error" role="alert">
            {t('actions.queue.commentRequired')}
          </span>
        )}
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void decide('approve')}
        >
          {t('actions.queue.approve')}
          <span className="visually-hidden"> {action.title}</span>
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void decide('return')}
        >
          {t('actions.queue.return')}
          <span className="visually-hidden"> {action.title}</span>
        </button>
      </div>
    </div>
  );
}

/** The coordinators' queue of submitted actions, each with approve / return-with-comment. */
export function ActionQueue({ network }: { network: string }): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const client = useQueryClient();
  const queue = useActionQueue(network, lang);
  const [announcement, setAnnouncement] = useState<{ text: string; error: boolean } | null>(null);
  if (queue.isPending) return <LoadingState lines={3} />;
  if (queue.isError) return <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />;
  const list = queue.data.actions;
  return (
    <>
      <p
        role={announcement?.error === true ? 'alert' : 'status'}
        className={announcement?.error === true ? 'field-error' : 'save-status'}
      >
        {announcement?.text}
      </p>
      {list.length === 0 ? (
        <EmptyState>{t('actions.queue.empty')}</EmptyState>
      ) : (
        <ul className="action-list" data-testid="action-queue">
          {list.map((action) => (
            <li key={action.id}>
              <ActionCard action={action} linkIndicators showCity>
                <Decision
                  action={action}
                  onDone={(text, error) => {
                    setAnnouncement({ text, error });
                    void client.invalidateQueries({ queryKey: actionKeys.all });
                    void client.invalidateQueries({ queryKey: ['progress'] });
                  }}
                />
              </ActionCard>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
