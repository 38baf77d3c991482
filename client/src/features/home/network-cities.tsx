import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkSummary } from '@api/network.schema';
import { LocalLink } from '../../components/ui/local-link';
import { networkQuery } from '../networks/api/networks-api';

/** Networks shown on the home page; more are on the networks page. */
export const HOME_NETWORKS = 6;
/** Member cities listed per network; a larger network links to all of them. */
export const HOME_CITIES = 12;

/**
 * The networks with their member cities as links: the first screen leads to a
 * network (its ranking and heatmap) and to a city's progress in one click.
 */
export function NetworkCities({ networks }: { networks: readonly NetworkSummary[] }): ReactNode {
  const { t } = useTranslation();
  const shown = networks.slice(0, HOME_NETWORKS);
  const details = useQueries({ queries: shown.map((n) => networkQuery(n.slug)) });
  return (
    <>
      <ul className="network-cities" data-testid="home-networks">
        {shown.map((network, i) => {
          const detail = details[i]?.data;
          const members = [...(detail?.members ?? [])].sort((a, b) => a.name.localeCompare(b.name));
          return (
            <li key={network.slug} className="card network-cities__card">
              <h3 className="card__title">
                <LocalLink to={`/networks/${network.slug}`}>{network.name}</LocalLink>
              </h3>
              <p className="card__meta">
                {t('network.cities', { count: network.cityCount })} ·{' '}
                {t('network.indicators', { count: network.indicatorCount })}
                {network.dataYears !== null && (
                  <>
                    {' · '}
                    {t('network.years', {
                      first: network.dataYears.first,
                      last: network.dataYears.last,
                    })}
                  </>
                )}
              </p>
              {network.dataKind === 'synthetic' && (
                <p className="badge badge--synthetic">{t('network.synthetic')}</p>
              )}
              {network.dataKind === 'published' && (
                <p className="badge">{t('network.published')}</p>
              )}
              {network.dataKind === 'mixed' && <p className="badge">{t('network.mixed')}</p>}
              {members.length > 0 && (
                <ul
                  className="network-cities__list"
                  aria-label={t('home.citiesOf', { network: network.name })}
                >
                  {members.slice(0, HOME_CITIES).map((m) => (
                    <li key={m.slug}>
                      <LocalLink to={`/cities/${m.slug}`}>{m.name}</LocalLink>
                    </li>
                  ))}
                </ul>
              )}
              <p className="network-cities__more">
                <LocalLink to={`/networks/${network.slug}`}>
                  {members.length > HOME_CITIES
                    ? t('home.allCities', { count: network.cityCount })
                    : t('home.compareCities')}
                </LocalLink>
              </p>
            </li>
          );
        })}
      </ul>
      {networks.length > HOME_NETWORKS && (
        <p>
          <LocalLink to="/networks">{t('home.allNetworks', { count: networks.length })}</LocalLink>
        </p>
      )}
    </>
  );
}
