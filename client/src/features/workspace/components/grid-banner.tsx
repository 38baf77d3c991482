import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FailedEdit } from '../utils/grid-model';

/** How many failed edits the banner lists by name (the cells show the others). */
const BANNER_LIMIT = 5;

/**
 * The edits the server does not have and the officer must look at: each
 * named with its reason, a way to its cell and to discard it; a retry of all
 * those worth retrying.
 */
export function GridBanner(props: {
  failed: readonly FailedEdit[];
  /** A cell's name as the banner says it ("Indicator, 2024"), by slug. */
  cellName: (slug: string, year: number) => string;
  onGoTo: (key: string) => void;
  onDiscard: (key: string) => void;
  onRetryAll: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const { failed, cellName } = props;
  if (failed.length === 0) return null;
  return (
    <div
      className="notice notice-warning grid-banner"
      data-testid="unsaved-notice"
      role="region"
      aria-labelledby="grid-banner-title"
    >
      <p id="grid-banner-title" className="grid-banner-title">
        <span aria-hidden="true" className="grid-banner-icon">
          !
        </span>{' '}
        {t('workspace.grid.unsaved', { count: failed.length })}
      </p>
      <ul className="grid-banner-list">
        {failed.slice(0, BANNER_LIMIT).map(({ key, edit, slug, year }) => {
          const cell = cellName(slug, year);
          return (
            <li key={key}>
              <span>
                {t('workspace.grid.errorAt', { cell, text: edit.text, reason: edit.message ?? '' })}
              </span>{' '}
              <span className="grid-banner-actions">
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('workspace.grid.goToLabel', { cell })}
                  onClick={() => props.onGoTo(key)}
                >
                  {t('workspace.grid.goTo')}
                </button>
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('workspace.grid.discardLabel', { cell })}
                  onClick={() => props.onDiscard(key)}
                >
                  {t('workspace.grid.discard')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {failed.length > BANNER_LIMIT && (
        <p>{t('workspace.grid.more', { count: failed.length - BANNER_LIMIT })}</p>
      )}
      {failed.some((f) => f.edit.retryable) && (
        <button type="button" className="button button--small" onClick={props.onRetryAll}>
          {t('workspace.grid.retryAll')}
        </button>
      )}
    </div>
  );
}
