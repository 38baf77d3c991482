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
  const actions = useCityActions(city, undefined, lang);
  const [editing, setEditing] = useState<Action | 'new' | null>(null);
  const { announcement, setAnnouncement, refresh, run } = usePlanSteps();
  const addRef = useRef<HTMLButtonElement>(null);

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
          renderControls={(action) =>
            canEdit ? <PlanControls action={action} onEdit={setEditing} run={run} /> : null
          }
        />
      )}
    </div>
  );
}

/**
 * The controls on one action of the plan, by its review state: edit, submit
 * (a draft), withdraw (a submitted one) and delete (one never published).
 * Every step but editing goes through `run`, which announces its outcome.
 */
function PlanControls(props: {
  action: Action;
  onEdit: (action: Action) => void;
  run: (action: Action, work: () => Promise<unknown>, done: string) => Promise<void>;
}): ReactNode {
  const { t } = useTranslation();
  const { action, run } = props;
  const { state, draft, publishedAt } = action.review;
  const submitted = state === 'submitted';
  const step = (name: 'submit' | 'withdraw', done: string) => () =>
    void run(action, () => actionStep(action.id, name, action.etag), done);
  const remove = () => {
    if (!window.confirm(t('actions.panel.deleteConfirm', { title: action.title }))) return;
    void run(action, () => deleteAction(action.id, action.etag), 'actions.panel.deleted');
  };
  const controls = [
    { name: 'edit', shown: !submitted, onClick: () => props.onEdit(action) },
    {
      name: 'submit',
      shown: !submitted && draft,
      onClick: step('submit', 'actions.panel.submitted'),
    },
    { name: 'withdraw', shown: submitted, onClick: step('withdraw', 'actions.panel.withdrawn') },
    { name: 'delete', shown: !submitted && publishedAt === null, onClick: remove },
  ] as const;
  return (
    <div className="button-row">
      {controls
        .filter((control) => control.shown)
        .map(({ name, onClick }) => (
          <button
            key={name}
            type="button"
            className={`button button--secondary${name === 'delete' ? ' button--danger' : ''}`}
            onClick={onClick}
          >
            {t(`actions.panel.${name}`)}
            <span className="visually-hidden"> {action.title}</span>
          </button>
        ))}
    </div>
  );
}

/** What the plan's last step said (an error in an alert). */
type Announcement = { text: string; error: boolean } | null;

/**
 * Runs a step on an action (submit, withdraw, delete), announces its
 * outcome (a stale copy in words of its own) and refreshes the plan and
 * the progress it changes.
 */
function usePlanSteps() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [announcement, setAnnouncement] = useState<Announcement>(null);
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
  return { announcement, setAnnouncement, refresh, run };
}
