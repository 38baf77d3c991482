import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LocalLink } from '../../components/ui/local-link';
import { ErrorState, LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useCity } from '../../features/cities/api/cities-api';
import { formatInteger } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/use-language';

export function CityPage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const slug = useParams().city ?? '';
  const city = useCity(slug);
  useDocumentTitle(city.data?.name ?? t('city.listTitle'));

  if (city.isPending) return <LoadingState lines={5} />;
  if (city.isError) return <ErrorState error={city.error} onRetry={() => void city.refetch()} />;
  const data = city.data;
  return (
    <>
      <h1>{data.name}</h1>
      <p className="lead">
        {data.countryCode}
        {data.population !== null && (
          <>
            {' '}
            · {t('network.population')}: {formatInteger(data.population, lang)}
          </>
        )}
        {' · '}
        {t('city.observations', { count: data.observationCount })}
      </p>
      <h2>{t('city.networksHeading')}</h2>
      <ul>
        {data.networks.map((network) => (
          <li key={network.slug}>
            <LocalLink to={`/networks/${network.slug}`}>{network.name}</LocalLink>{' '}
            <span className="muted">
              ({network.role === 'lead_partner' ? t('network.leadPartner') : t('network.partner')})
            </span>
            {network.dataKind === 'synthetic' && (
              <span className="badge badge--synthetic">{t('network.synthetic')}</span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
