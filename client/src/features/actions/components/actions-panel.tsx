import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorProgress } from '@api/progress.schema';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-state';
import { ApiError } from '../../../lib/api-client';
import { useLanguage } from '../../../lib/i18n/use-language';
import {
  actionKeys,
  actionStep,
  currentFromConflict,
  deleteAction,
  useCityActions,
  type Action,
} from '../api/actions-api';
import { ActionForm, type IndicatorOption } from './action-form';
import { ActionList } from './action-list';

/**
 * The workspace's Actions tab: the city's plan (working copies), a form to
 * add or change an action with a live preview of its effect on the gap,
 * submit / withdraw for review, and deleting drafts never published.
 * Every outcome is announced in one live region.
 */
export function ActionsPanel({
  city,
  canEdit,
  indicators,
  progress,
}: {
  city: string;
  canEdit: boolean;
  indicators: readonly IndicatorOption[];
  progress: ReadonlyMap<string, IndicatorProgress>;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const client = useQueryClient();
  const actions = useCityActions(city, undefined, lang);
  const [editing, setEditing] = useState<Action | 'new' | null>(null);
  const [announcement, setAnnouncement] = useState<{ text: string; error: boolean } | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  const refresh = async (): Promise<void> => {
    await Promise.all([
      client.invalidateQueries({ queryKey: actionKeys.all }),
      client.invalidateQueries({ queryKey: ['progress'] }),
    ]);
  };
  const run = async (action: Action, work: () => Promise<unknown>, done: string): Promise<void> => {
    setAnnouncement(null);
    try {
      await work();
      setAnnouncement({ text: t(done, { title: action.title }), error: false });
    } catch (err) {
      const stale =
        err instanceof ApiError && err.status === 412 && currentFromConflict(err.details) !== null;
      setAnnouncement({
        text: stale
          ? t('actions.panel.stale', { title: action.title })
          : err instanceof Error
            ? err.message
            : String(err),
        error: true,
      });
    }
    await refresh();
  };

  if (actions.isPending) return <LoadingState lines={5} />;
  if (actions.isError)
    return <ErrorState error={actions.error} onRetry={() => void actions.refetch()} />;
  const list = actions.data.actions;
  return (
    <div className="actions-panel" data-testid="actions-panel">
      <p className="muted">{t('actions.panel.lead')}</p>
      <p
        role={announcement?.error === true ? 'alert' : 'status'}
        aria-live={announcement?.error === true ? 'assertive' : 'polite'}
        className={announcement?.error === true ? 'field-error' : 'save-status'}
        data-testid="actions-status"
      >
        {announcement?.text}
      </p>
      {editing !== null ? (
        <ActionForm
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.etag}`}
          city={city}
          action={editing === 'new' ? null : editing}
          indicators={indicators}
          progress={progress}
          actions={list}
          onSaved={(saved, created) => {
            setEditing(null);
            setAnnouncement({
              text: t(created ? 'actions.panel.created' : 'actions.panel.saved', {
                title: saved.title,
              }),
              error: false,
            });
            void refresh();
            requestAnimationFrame(() => addRef.current?.focus());
          }}
          onCancel={() => {
            setEditing(null);
            requestAnimationFrame(() => addRef.current?.focus());
          }}
        />
      ) : (
        canEdit && (
          <button
            ref={addRef}
            type="button"
            className="button"
            disabled={indicators.length === 0}
            onClick={() => setEditing('new')}
            data-testid="add-action"
          >
            {t('actions.panel.add')}
          </button>
        )
      )}
      {list.length === 0 ? (
        <EmptyState>{t('actions.noneForCity')}</EmptyState>
      ) : (
        <ActionList
          actions={list}
          linkIndicators
          renderControls={(action) => {
            if (!canEdit) return null;
            const state = action.review.state;
            return (
              <div className="button-row">
                {state !== 'submitted' && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setEditing(action)}
                  >
                    {t('actions.panel.edit')}
                    <span className="visually-hidden"> {action.title}</span>
                  </button>
                )}
                {state !== 'submitted' && action.review.draft && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() =>
                      void run(
                        action,
                        () => actionStep(action.id, 'submit', action.etag),
                        'actions.panel.submitted',
                      )
                    }
                  >
                    {t('actions.panel.submit')}
                    <span className="visually-hidden"> {action.title}</span>
                  </button>
                )}
                {state === 'submitted' && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() =>
                      void run(
                        action,
                        () => actionStep(action.id, 'withdraw', action.etag),
                        'actions.panel.withdrawn',
                      )
                    }
                  >
                    {t('actions.panel.withdraw')}
                    <span className="visually-hidden"> {action.title}</span>
                  </button>
                )}
                {state !== 'submitted' && action.review.publishedAt === null && (
                  <button
                    type="button"
                    className="button button--secondary button--danger"
                    onClick={() => {
                      if (
                        !window.confirm(t('actions.panel.deleteConfirm', { title: action.title }))
                      )
                        return;
                      void run(
                        action,
                        () => deleteAction(action.id, action.etag),
                        'actions.panel.deleted',
                      );
                    }}
                  >
                    {t('actions.panel.delete')}
                    <span className="visually-hidden"> {action.title}</span>
                  </button>
                )}
              </div>
            );
          }}
        />
      )}
    </div>
  );
}
