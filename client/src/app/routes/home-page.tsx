import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useNetworks } from '../../features/networks/api/networks-api';
import { NetworkCard } from '../../features/networks/components/network-card';
import { useGoals } from '../../features/sdg/api/sdg-api';
import { GoalGrid } from '../../features/sdg/components/goal-grid';
import { useLanguage } from '../../lib/i18n/use-language';

export function HomePage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const networks = useNetworks();
  const goals = useGoals(lang);
  useDocumentTitle(undefined);

  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
      </section>

      <section aria-labelledby="networks-heading">
        <h2 id="networks-heading">{t('home.networksHeading')}</h2>
        {networks.isPending ? (
          <LoadingState lines={2} />
        ) : networks.isError ? (
          <ErrorState error={networks.error} onRetry={() => void networks.refetch()} />
        ) : networks.data.networks.length === 0 ? (
          <EmptyState>{t('home.noNetworks')}</EmptyState>
        ) : (
          <div className="card-grid">
            {networks.data.networks.map((network) => (
              <NetworkCard key={network.slug} network={network} />
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="goals-heading">
        <h2 id="goals-heading">{t('home.goalsHeading')}</h2>
        {goals.isPending ? (
          <LoadingState lines={4} />
        ) : goals.isError ? (
          <ErrorState error={goals.error} onRetry={() => void goals.refetch()} />
        ) : (
          <GoalGrid goals={goals.data.goals} />
        )}
      </section>
    </>
  );
}
