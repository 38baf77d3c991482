import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkSummary } from '@api/network.schema';
import { LocalLink } from '../../../components/ui/local-link';

/** A network in a list: name, size, data years and where the data comes from. */
export function NetworkCard({ network }: { network: NetworkSummary }): ReactNode {
  const { t } = useTranslation();
  return (
    <article className="card">
      <h3 className="card__title">
        <LocalLink to={`/networks/${network.slug}`}>{network.name}</LocalLink>
      </h3>
      <p className="card__meta">
        {t('network.cities', { count: network.cityCount })} ·{' '}
        {t('network.indicators', { count: network.indicatorCount })} ·{' '}
        {network.dataYears === null
          ? t('network.noData')
          : t('network.years', { first: network.dataYears.first, last: network.dataYears.last })}
      </p>
      {network.dataKind === 'synthetic' && (
        <p className="badge badge--synthetic">{t('network.synthetic')}</p>
      )}
      {network.dataKind === 'published' && <p className="badge">{t('network.published')}</p>}
      {network.dataKind === 'mixed' && <p className="badge">{t('network.mixed')}</p>}
    </article>
  );
}
