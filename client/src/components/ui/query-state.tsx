import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client';

/** Placeholder blocks shaped like the content that is loading; announced politely. */
export function LoadingState({ lines = 3, label }: { lines?: number; label?: string }): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="skeleton" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{label ?? t('state.loading')}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton__line" aria-hidden="true" />
      ))}
    </div>
  );
}

/** What failed, in the server's words, with a retry button for transient failures. */
export function ErrorState({
  error,
  onRetry,
}: {
  error: unknown;
  onRetry?: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const isNotFound = error instanceof ApiError && error.status === 404;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice__title">
        {isNotFound ? t('state.notFoundTitle') : t('state.errorTitle')}
      </h2>
      <p>{message}</p>
      {onRetry !== undefined && !isNotFound && (
        <button type="button" className="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

/** A calm message when there is nothing to show, optionally with an action. */
export function EmptyState({
  children,
  action,
}: {
  children?: ReactNode;
  action?: ReactNode;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="notice notice--empty">
      <p>{children ?? t('state.empty')}</p>
      {action}
    </div>
  );
}
