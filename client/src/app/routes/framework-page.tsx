import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useGoals } from '../../features/sdg/api/sdg-api';
import { GoalGrid } from '../../features/sdg/components/goal-grid';
import { useLanguage } from '../../lib/i18n/use-language';

/** The SDG framework browser: the 17 goals. */
export function FrameworkPage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const goals = useGoals(lang);
  useDocumentTitle(t('sdg.frameworkTitle'));
  return (
    <>
      <h1>{t('sdg.frameworkTitle')}</h1>
      <p className="lead">{t('sdg.frameworkIntro')}</p>
      {goals.isPending ? (
        <LoadingState lines={4} />
      ) : goals.isError ? (
        <ErrorState error={goals.error} onRetry={() => void goals.refetch()} />
      ) : (
        <GoalGrid goals={goals.data.goals} />
      )}
      <p className="muted small">{t('sdg.source')}</p>
    </>
  );
}
