import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityProgressResponse } from '@api/progress.schema';
import { LocalLink } from '../../../components/ui/local-link';
import { DataKindNote } from '../../networks/components/data-kind-note';

/** The networks a city reports in, each with where its data comes from. */
export function CityNetworks({ progress }: { progress: CityProgressResponse }): ReactNode {
  const { t } = useTranslation();
  if (progress.networks.length === 0) return null;
  return (
    <>
      <p className="muted">
        {t('progress.inNetworks')}{' '}
        {progress.networks.map((network, i) => (
          <span key={network.slug}>
            {i > 0 && ', '}
            <LocalLink to={`/networks/${network.slug}`}>{network.name}</LocalLink>
          </span>
        ))}
      </p>
      {progress.networks.map((network) => (
        <DataKindNote key={network.slug} network={network} />
      ))}
      {progress.drafts.length > 0 && (
        <p className="notice notice-draft" data-testid="drafts-notice">
          <span aria-hidden="true">✎ </span>
          {t('workspace.draftsNotice', {
            years: progress.drafts
              .map(
                (d) => `${d.year} (${t(`workspace.state.${d.state}` as 'workspace.state.draft')})`,
              )
              .join(', '),
          })}
        </p>
      )}
    </>
  );
}
