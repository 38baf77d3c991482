import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalLink } from '../../components/ui/local-link';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useCities } from '../../features/cities/api/cities-api';
import { CityFinder } from '../../features/home/city-finder';
import { NetworkCities } from '../../features/home/network-cities';
import { useNetworks } from '../../features/networks/api/networks-api';
import { useGoals } from '../../features/sdg/api/sdg-api';
import { GoalGrid } from '../../features/sdg/components/goal-grid';
import { useLanguage } from '../../lib/i18n/use-language';

/**
 * The first screen leads to what people come for: a city's progress (found by
 * name) and the networks with their cities. The UN framework follows below,
 * one click from its own page.
 */
export function HomePage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const networks = useNetworks();
  const cities = useCities();
  const goals = useGoals(lang);
  useDocumentTitle(undefined);

  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
      </section>

      <div className="home-start">
        <section aria-labelledby="networks-heading" className="home-start__networks">
          <h2 id="networks-heading">{t('home.networksHeading')}</h2>
          <p className="muted">{t('home.networksLead')}</p>
          {networks.isPending ? (
            <LoadingState lines={2} />
          ) : networks.isError ? (
            <ErrorState error={networks.error} onRetry={() => void networks.refetch()} />
          ) : networks.data.networks.length === 0 ? (
            <EmptyState>{t('home.noNetworks')}</EmptyState>
          ) : (
            <NetworkCities networks={networks.data.networks} />
          )}
        </section>
        <div className="home-start__finder">
          {cities.isError ? (
            <ErrorState error={cities.error} onRetry={() => void cities.refetch()} />
          ) : (
            <CityFinder cities={cities.data?.cities ?? []} />
          )}
        </div>
      </div>

      <section aria-labelledby="goals-heading" className="home-framework">
        <h2 id="goals-heading">{t('home.goalsHeading')}</h2>
        <p>
          {t('home.frameworkLead')}{' '}
          <LocalLink to="/sdg" data-testid="framework-link">
            {t('home.frameworkLink')}
          </LocalLink>
        </p>
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
