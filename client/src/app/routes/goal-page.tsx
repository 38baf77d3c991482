import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LocalLink } from '../../components/ui/local-link';
import { ErrorState, LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useGoal } from '../../features/sdg/api/sdg-api';
import { GoalBanner } from '../../features/sdg/components/goal-banner';
import { TargetList } from '../../features/sdg/components/target-list';
import { useLanguage } from '../../lib/i18n/use-language';

/** One goal: its targets, SDG indicators and the network indicators linked to them. */
export function GoalPage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const goalNumber = Number(useParams().goal);
  const goal = useGoal(goalNumber, lang);
  useDocumentTitle(
    goal.data === undefined ? t('sdg.goal', { goal: goalNumber }) : goal.data.goal.shortTitle,
  );

  if (goal.isPending) return <LoadingState lines={8} />;
  if (goal.isError) return <ErrorState error={goal.error} onRetry={() => void goal.refetch()} />;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <LocalLink to="/sdg">{t('nav.framework')}</LocalLink>
      </nav>
      <GoalBanner goal={goal.data.goal} />
      <h2>{t('sdg.targetsHeading')}</h2>
      <TargetList targets={goal.data.targets} />
    </>
  );
}
