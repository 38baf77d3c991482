import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LocalLink } from '../../components/ui/local-link';
import { ErrorState, LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useNetwork } from '../../features/networks/api/networks-api';
import { DataKindNote } from '../../features/networks/components/data-kind-note';
import { formatInteger } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/use-language';

export function NetworkPage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const slug = useParams().network ?? '';
  const network = useNetwork(slug);
  useDocumentTitle(network.data?.name ?? t('network.listTitle'));

  if (network.isPending) return <LoadingState lines={6} />;
  if (network.isError)
    return <ErrorState error={network.error} onRetry={() => void network.refetch()} />;
  const data = network.data;
  return (
    <>
      <h1>{data.name}</h1>
      <p className="lead">{data.description}</p>
      <DataKindNote network={data} />
      <p className="muted">
        {t('network.cities', { count: data.cityCount })} ·{' '}
        {t('network.indicators', { count: data.indicatorCount })}
        {data.dataYears !== null && (
          <> · {t('network.years', { first: data.dataYears.first, last: data.dataYears.last })}</>
        )}
      </p>
      <h2 id="members-heading">{t('network.membersHeading')}</h2>
      <table className="table" aria-labelledby="members-heading">
        <thead>
          <tr>
            <th scope="col">{t('network.city')}</th>
            <th scope="col">{t('network.country')}</th>
            <th scope="col" className="num">
              {t('network.population')}
            </th>
            <th scope="col">{t('network.role')}</th>
          </tr>
        </thead>
        <tbody>
          {data.members.map((member) => (
            <tr key={member.slug}>
              <th scope="row">
                <LocalLink to={`/cities/${member.slug}`}>{member.name}</LocalLink>
              </th>
              <td>{member.countryCode}</td>
              <td className="num">
                {member.population === null ? '—' : formatInteger(member.population, lang)}
              </td>
              <td>
                {member.role === 'lead_partner' ? t('network.leadPartner') : t('network.partner')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.goals.length > 0 && (
        <>
          <h2>{t('network.goalsCovered')}</h2>
          <ul className="inline-list">
            {data.goals.map((goal) => (
              <li key={goal}>
                <LocalLink to={`/sdg/goals/${goal}`}>{t('sdg.goal', { goal })}</LocalLink>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
