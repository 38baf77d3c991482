import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalLink } from '../../components/ui/local-link';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useCities } from '../../features/cities/api/cities-api';
import { formatInteger } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/use-language';

export function CitiesPage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const cities = useCities();
  useDocumentTitle(t('city.listTitle'));
  return (
    <>
      <h1>{t('city.listTitle')}</h1>
      {cities.isPending ? (
        <LoadingState lines={6} />
      ) : cities.isError ? (
        <ErrorState error={cities.error} onRetry={() => void cities.refetch()} />
      ) : cities.data.cities.length === 0 ? (
        <EmptyState />
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('city.listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('city.name')}</th>
              <th scope="col">{t('network.country')}</th>
              <th scope="col" className="num">
                {t('network.population')}
              </th>
            </tr>
          </thead>
          <tbody>
            {cities.data.cities.map((city) => (
              <tr key={city.slug}>
                <th scope="row">
                  <LocalLink to={`/cities/${city.slug}`}>{city.name}</LocalLink>
                </th>
                <td>{city.countryCode}</td>
                <td className="num">
                  {city.population === null ? '—' : formatInteger(city.population, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
