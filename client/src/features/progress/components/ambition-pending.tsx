import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The part of an ambition the marks read (city progress and comparison rows alike). */
type AmbitionApproval = { approved: boolean } | null;

/**
 * Whether a member sees the city's working copy of an ambition, changed since
 * the coordinators last approved a year (the public sees the approved one, or none).
 */
export function isAmbitionPending(ambition: AmbitionApproval): boolean {
  return ambition !== null && !ambition.approved;
}

/**
 * "✎ Target not yet approved" after a target the public does not see (yet):
 * in words, with the explanation on hover; nothing for an approved ambition.
 * `short` says "not yet approved" where the column or label already says "Target".
 */
export function AmbitionPendingMark({
  ambition,
  short = false,
}: {
  ambition: AmbitionApproval;
  short?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  if (!isAmbitionPending(ambition)) return null;
  return (
    <PendingBadge title={t('progress.ambitionPending.description')} testId="ambition-pending-mark">
      {t(short ? 'progress.ambitionPending.short' : 'progress.ambitionPending.mark')}
    </PendingBadge>
  );
}

function PendingBadge(props: { children: string; title?: string; testId?: string }): ReactNode {
  return (
    <span className="badge badge--pending" title={props.title} data-testid={props.testId}>
      <span aria-hidden="true">✎ </span>
      {props.children}
    </span>
  );
}

/**
 * Once per page where a marked target appears: the mark and what it means,
 * visible (a tooltip alone would be lost on touch screens and in print).
 */
export function AmbitionPendingNote({
  ambitions,
}: {
  ambitions: readonly AmbitionApproval[];
}): ReactNode {
  const { t } = useTranslation();
  if (!ambitions.some(isAmbitionPending)) return null;
  return (
    <p className="data-note ambition-pending-note" data-testid="ambition-pending-note">
      <PendingBadge>{t('progress.ambitionPending.mark')}</PendingBadge>{' '}
      {t('progress.ambitionPending.description')}
    </p>
  );
}
